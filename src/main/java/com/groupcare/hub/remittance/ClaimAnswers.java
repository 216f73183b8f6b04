package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A claim follows its insurer's answers, set-based for every claim a chunk answered: REIMBURSED
 * when every line is answered and paid within the tolerance, REJECTED_BY_INSURER (with the
 * insurer's reason) when every line is answered and nothing was paid, PARTIALLY_REIMBURSED otherwise.
 */
final class ClaimAnswers {

    private ClaimAnswers() {
    }

    static void update(JdbcTemplate jdbc, Collection<Long> claimIds, BigDecimal tolerance) {
        if (claimIds.isEmpty()) {
            return;
        }
        List<Long> ids = claimIds.stream().sorted().toList();
        jdbc.update(con -> RemittanceMatcher.statement(con, """
                with line as (
                    select cl.claim_id, cl.expected, count(r.id) > 0 as answered, coalesce(sum(r.amount_paid), 0) as paid,
                           min(r.insurer_label) as label
                    from unnest(?::bigint[]) as i(id)
                    join claim_line cl on cl.claim_id = i.id
                    left join remittance_line r on r.claim_line_id = cl.id and r.outcome <> 'SUSPENSE'
                    group by cl.claim_id, cl.id, cl.expected),
                answer as (
                    select claim_id, bool_and(answered) as all_answered,
                           bool_and(not answered or paid >= expected - ?) as settled,
                           sum(paid) as paid, sum(expected) as expected, min(label) as label
                    from line group by claim_id)
                update claim c
                set status = case when a.all_answered and a.settled then 'REIMBURSED'
                                  when a.all_answered and a.paid <= 0 and a.expected > 0 then 'REJECTED_BY_INSURER'
                                  else 'PARTIALLY_REIMBURSED' end,
                    insurer_reason = a.label, updated_at = now()
                from answer a where c.id = a.claim_id and c.status <> 'CANCELLED'""",
                RemittanceMatcher.array(con, "int8", ids), tolerance));
    }
}
