package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.groupcare.hub.contract.InsuranceContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies one chunk of remittance lines inside the pipeline's transaction, set-based: lock the contract,
 * match the lines (every line of each claim named, read once per claim), read the answers so far of claims
 * already answered, decide each line in plain Java
 * ({@link Reconciliation}), allocate to the payee (one payable per payee and file) and recover its
 * overpayments, then write everything with one statement per table (complaints closed, the claims'
 * answers in claim_answer, decided in Java from all their lines: {@link ClaimAnswers}).
 */
@Component
class RemittanceApplier {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RemittanceApplier.class);

    private final JdbcTemplate jdbc;

    RemittanceApplier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void apply(long exchangeId, InsuranceContract contract, List<RemittanceEntry> entries) {
        long t0 = System.nanoTime();
        String policy = contract.policyNumber();
        BigDecimal tolerance = contract.reconciliationTolerance() == null ? BigDecimal.ZERO : contract.reconciliationTolerance();
        RemittanceMatcher matcher = new RemittanceMatcher(jdbc);
        matcher.lockPolicy(policy); // before matching: the claims' statuses read next are then final for this chunk
        Map<Integer, ClaimLineMatch> byNumbers = matcher.byNumbers(entries);
        Map<Integer, List<ClaimLineMatch>> byCare = matcher.byCare(policy, entries);
        Set<Long> careClaims = new HashSet<>();
        byCare.values().forEach(list -> list.forEach(m -> careClaims.add(m.claimId())));
        matcher.completeClaims(careClaims);

        // every line of every claim named: a claim's status follows from all of them
        Map<Long, ClaimLineMatch> matched = new HashMap<>();
        matcher.claimLines().values().forEach(list -> list.forEach(m -> note(m, matched)));
        long t1 = System.nanoTime();
        Map<Long, String> labels = new HashMap<>();
        Map<Long, Reconciliation.LineState> states = matcher.states(matched, labels);
        Debts debts = new Debts(jdbc, payees(byNumbers, byCare));
        long t2 = System.nanoTime();

        RemittanceRows rows = new RemittanceRows();
        RemittanceRows.Ids lineIds = new RemittanceRows.Ids(jdbc, "remittance_line_id_seq", Math.max(1, entries.size()));
        RemittanceRows.Ids overpaymentIds = new RemittanceRows.Ids(jdbc, "overpayment_id_seq", 32);
        RemittanceRows.Ids complaintIds = new RemittanceRows.Ids(jdbc, "complaint_id_seq", 32);
        Map<Long, RemittanceRows.Complaint> newComplaints = new HashMap<>();
        Set<Long> answeredClaims = new HashSet<>();

        for (int i = 0; i < entries.size(); i++) {
            RemittanceEntry entry = entries.get(i);
            long lineId = lineIds.next();
            ClaimLineMatch match = entry.echoesNumbers() ? byNumbers.get(i) : pick(byCare.get(i), states, entry.amountPaid(), tolerance);
            String suspense = match == null ? "UNKNOWN_CLAIM" : match.suspenseReason(policy, entry);
            Reconciliation.LineState before = match == null || match.claimLineId() == null ? null : states.get(match.claimLineId());
            Reconciliation.Decision decision = suspense != null
                    ? Reconciliation.suspense(suspense, before, entry.amountPaid().subtract(entry.amountPaid()))
                    : Reconciliation.decide(before, entry.amountPaid(), entry.rejectionLabel(), tolerance);
            boolean counted = decision.outcome() != Reconciliation.Outcome.SUSPENSE;
            rows.lines.add(new RemittanceRows.Line(lineId, entry.lineNo(), entry.transmittalNumber(), entry.claimNumber(),
                    entry.claimLineNo(), match == null ? null : entry.echoesNumbers() ? "NUMBERS" : "CARE",
                    match == null ? null : match.claimId(), match == null ? null : match.claimLineId(), entry.amountPaid(),
                    before == null ? null : before.expected(), before == null || !before.answered() ? null : before.paid(),
                    decision.difference(), entry.rejectionCode(), entry.rejectionLabel(), decision.outcome().name(),
                    decision.suspenseReason(), counted && !before.answered(), counted ? match : null,
                    counted && decision.payable().signum() > 0));
            if (!counted) {
                continue;
            }
            states.put(match.claimLineId(), decision.after());
            answeredClaims.add(match.claimId());
            if (entry.rejectionLabel() != null) {
                labels.merge(match.claimLineId(), entry.rejectionLabel(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
            if (decision.payable().signum() > 0) {
                RemittanceRows.PayeeTotal payable = rows.payee(match);
                payable.amount = payable.amount.add(decision.payable());
                payable.recovered = payable.recovered.add(debts.recover(match, payable, decision.payable(), rows.recoveries));
                payable.lines++;
            }
            if (decision.overpayment().signum() > 0) {
                RemittanceRows.Overpayment owed = new RemittanceRows.Overpayment(overpaymentIds.next(),
                        decision.overpaymentOrigin(), lineId, match, decision.overpayment());
                rows.overpayments.add(owed);
                debts.add(match, owed);
            }
            complaint(decision, match, lineId, entry, rows, newComplaints, complaintIds);
            BigDecimal delta = decision.consumptionDelta(before);
            if (delta.signum() != 0) {
                rows.corrections.add(new RemittanceRows.Correction(match.claimId(), match.claimLineNo(), lineId, delta));
            }
        }
        long t3 = System.nanoTime();
        rows.write(jdbc, exchangeId, policy);
        long t4 = System.nanoTime();
        debts.writeExisting();
        closeComplaints(rows.closings);
        ClaimAnswers.write(jdbc, answeredClaims.stream().map(id -> ClaimAnswers.answer(id,
                matcher.claimLines().get(id).stream().map(ClaimLineMatch::claimLineId).toList(), states, labels, tolerance)).toList());
        long t5 = System.nanoTime();
        log.debug("Remittance chunk in ms: match {}, answers so far {}, decide {}, write {}, claim statuses {}",
                (t1 - t0) / 1000000, (t2 - t1) / 1000000, (t3 - t2) / 1000000, (t4 - t3) / 1000000, (t5 - t4) / 1000000);
    }

    private static void complaint(Reconciliation.Decision decision, ClaimLineMatch match, long lineId, RemittanceEntry entry,
                                  RemittanceRows rows, Map<Long, RemittanceRows.Complaint> opened, RemittanceRows.Ids ids) {
        if (decision.complaint() == Reconciliation.ComplaintAction.OPEN) {
            RemittanceRows.Complaint complaint = new RemittanceRows.Complaint(ids.next(), lineId, match, entry.amountPaid(),
                    decision.difference(), decision.complaintReason(), null);
            rows.complaints.add(complaint);
            opened.put(match.claimLineId(), complaint);
        } else if (decision.complaint() == Reconciliation.ComplaintAction.CLOSE) {
            RemittanceRows.Complaint fresh = opened.remove(match.claimLineId());
            if (fresh != null) {
                rows.complaints.set(rows.complaints.indexOf(fresh), new RemittanceRows.Complaint(fresh.id(), fresh.lineId(),
                        fresh.match(), fresh.paid(), fresh.difference(), fresh.reason(), lineId));
            } else {
                rows.closings.add(new RemittanceRows.Closing(match.claimLineId(), lineId));
            }
        }
    }

    /**
     * Among the lines the same care matches (twin lines: two pharmacy lines of one day), the one this answer
     * is for: a payment goes to a line not answered yet, preferably one whose expected amount it pays within
     * the tolerance (so twins answered in another order do not cross); a negative line reverses a line that
     * was paid. None fits: the first, which then goes to suspense.
     */
    static ClaimLineMatch pick(List<ClaimLineMatch> candidates, Map<Long, Reconciliation.LineState> states, BigDecimal amount,
                               BigDecimal tolerance) {
        if (candidates == null) {
            return null;
        }
        List<ClaimLineMatch> known = candidates.stream().filter(c -> c.claimLineId() != null && states.containsKey(c.claimLineId())).toList();
        if (amount.signum() < 0) {
            return known.stream().filter(c -> states.get(c.claimLineId()).answered() && states.get(c.claimLineId()).paid().signum() > 0)
                    .findFirst().orElse(candidates.get(0));
        }
        List<ClaimLineMatch> open = known.stream().filter(c -> !states.get(c.claimLineId()).answered()).toList();
        return open.stream().filter(c -> c.expected().subtract(amount).abs().compareTo(tolerance) <= 0).findFirst()
                .orElse(open.isEmpty() ? candidates.get(0) : open.get(0));
    }

    private static void note(ClaimLineMatch match, Map<Long, ClaimLineMatch> matched) {
        if (match.claimLineId() != null) {
            matched.put(match.claimLineId(), match);
        }
    }

    private static Set<List<String>> payees(Map<Integer, ClaimLineMatch> byNumbers, Map<Integer, List<ClaimLineMatch>> byCare) {
        Set<List<String>> payees = new HashSet<>();
        byNumbers.values().stream().filter(m -> m.claimLineId() != null).forEach(m -> payees.add(List.of(m.payeeType(), m.payee())));
        byCare.values().forEach(list -> list.forEach(m -> payees.add(List.of(m.payeeType(), m.payee()))));
        return payees;
    }

    private void closeComplaints(List<RemittanceRows.Closing> closings) {
        if (closings.isEmpty()) {
            return;
        }
        jdbc.update(con -> RemittanceMatcher.statement(con, """
                update complaint k set status = 'CLOSED', closed_at = now(), closed_by = 'remittance',
                       close_reason = 'regularised by a later remittance line', closing_line_id = c.line_id
                from unnest(?::bigint[], ?::bigint[]) as c(claim_line_id, line_id)
                where k.claim_line_id = c.claim_line_id and k.status <> 'CLOSED'""",
                RemittanceMatcher.array(con, "int8", closings.stream().map(RemittanceRows.Closing::claimLineId).toList()),
                RemittanceMatcher.array(con, "int8", closings.stream().map(RemittanceRows.Closing::lineId).toList())));
    }

    /**
     * The open overpayments of the chunk's payees, locked, oldest first: each new payable recovers
     * from them before it is paid; an overpayment made in this chunk is recovered from the next ones.
     */
    private static final class Debts {
        private final JdbcTemplate jdbc;
        private final Map<List<String>, Deque<RemittanceRows.Overpayment>> open = new HashMap<>();
        private final Map<Long, RemittanceRows.Overpayment> existing = new LinkedHashMap<>();

        Debts(JdbcTemplate jdbc, Set<List<String>> payees) {
            this.jdbc = jdbc;
            if (payees.isEmpty()) {
                return;
            }
            List<String> types = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            payees.forEach(p -> {
                types.add(p.get(0));
                keys.add(p.get(1));
            });
            jdbc.query(con -> RemittanceMatcher.statement(con, """
                    select o.id, o.payee_type, o.payee, o.amount - o.recovered
                    from unnest(?::varchar[], ?::varchar[]) as p(payee_type, payee)
                    join overpayment o on o.payee_type = p.payee_type and o.payee = p.payee and o.status = 'OPEN'
                    order by o.id for update of o""",
                    RemittanceMatcher.array(con, "varchar", types), RemittanceMatcher.array(con, "varchar", keys)), rs -> {
                RemittanceRows.Overpayment debt = new RemittanceRows.Overpayment(rs.getLong(1), null, 0, null, rs.getBigDecimal(4));
                existing.put(debt.id, debt);
                open.computeIfAbsent(List.of(rs.getString(2), rs.getString(3)), k -> new ArrayDeque<>()).add(debt);
            });
        }

        void add(ClaimLineMatch match, RemittanceRows.Overpayment owed) {
            open.computeIfAbsent(List.of(match.payeeType(), match.payee()), k -> new ArrayDeque<>()).add(owed);
        }

        /** Deducts the payee's open overpayments from a new payable; returns the amount recovered. */
        BigDecimal recover(ClaimLineMatch match, RemittanceRows.PayeeTotal payable, BigDecimal amount,
                           List<RemittanceRows.Recovery> recoveries) {
            Deque<RemittanceRows.Overpayment> queue = open.get(List.of(match.payeeType(), match.payee()));
            BigDecimal left = amount;
            while (queue != null && !queue.isEmpty() && left.signum() > 0) {
                RemittanceRows.Overpayment debt = queue.peek();
                BigDecimal taken = debt.remaining.min(left);
                debt.remaining = debt.remaining.subtract(taken);
                left = left.subtract(taken);
                recoveries.add(new RemittanceRows.Recovery(debt.id, payable, taken));
                if (debt.remaining.signum() == 0) {
                    queue.poll();
                }
            }
            return amount.subtract(left);
        }

        /** The overpayments read from the database that this chunk recovered from. */
        void writeExisting() {
            List<RemittanceRows.Overpayment> touched = existing.values().stream().filter(o -> o.remaining.compareTo(o.amount) != 0).toList();
            if (touched.isEmpty()) {
                return;
            }
            jdbc.update(con -> RemittanceMatcher.statement(con, """
                    update overpayment o set recovered = o.amount - t.remaining,
                           status = case when t.remaining = 0 then 'RECOVERED' else 'OPEN' end,
                           recovered_at = case when t.remaining = 0 then now() end
                    from unnest(?::bigint[], ?::numeric[]) as t(id, remaining) where o.id = t.id""",
                    RemittanceMatcher.array(con, "int8", touched.stream().map(o -> o.id).toList()),
                    RemittanceMatcher.array(con, "numeric", touched.stream().map(o -> o.remaining).toList())));
        }
    }
}
