package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A claim follows its insurer's answers: REIMBURSED when every line is answered and paid within the
 * tolerance, REJECTED_BY_INSURER (with the insurer's reason) when every line is answered and nothing
 * was paid, PARTIALLY_REIMBURSED otherwise. Decided in Java from every line's state after the chunk,
 * and kept in claim_answer (one insert, or an update when the claim was answered before).
 */
final class ClaimAnswers {

    record Answer(long claimId, String status, String reason) {
    }

    private ClaimAnswers() {
    }

    /** The answer of a claim from its lines' states after the chunk and the insurer's labels on them. */
    static Answer answer(long claimId, Collection<Long> lineIds, Map<Long, Reconciliation.LineState> states,
                         Map<Long, String> labels, BigDecimal tolerance) {
        boolean allAnswered = true;
        boolean settled = true;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal expected = BigDecimal.ZERO;
        String reason = null;
        for (Long id : lineIds) {
            Reconciliation.LineState line = states.get(id);
            allAnswered &= line.answered();
            settled &= !line.answered() || line.paid().compareTo(line.expected().subtract(tolerance)) >= 0;
            paid = paid.add(line.answered() ? line.paid() : BigDecimal.ZERO);
            expected = expected.add(line.expected());
            String label = labels.get(id);
            reason = label == null || (reason != null && reason.compareTo(label) <= 0) ? reason : label;
        }
        String status = allAnswered && settled ? "REIMBURSED"
                : allAnswered && paid.signum() <= 0 && expected.signum() > 0 ? "REJECTED_BY_INSURER" : "PARTIALLY_REIMBURSED";
        return new Answer(claimId, status, reason);
    }

    static void write(JdbcTemplate jdbc, List<Answer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        List<Answer> sorted = new ArrayList<>(answers);
        sorted.sort(java.util.Comparator.comparingLong(Answer::claimId));
        jdbc.update(con -> RemittanceMatcher.statement(con, """
                insert into claim_answer (claim_id, status, insurer_reason, updated_at)
                select a.claim_id, a.status, a.reason, now() from unnest(?::bigint[], ?::varchar[], ?::varchar[]) as a(claim_id, status, reason)
                on conflict (claim_id) do update
                set status = excluded.status, insurer_reason = excluded.insurer_reason, updated_at = excluded.updated_at""",
                RemittanceMatcher.array(con, "int8", sorted.stream().map(Answer::claimId).toList()),
                RemittanceMatcher.array(con, "varchar", sorted.stream().map(Answer::status).toList()),
                RemittanceMatcher.array(con, "varchar", sorted.stream().map(Answer::reason).toList())));
    }
}
