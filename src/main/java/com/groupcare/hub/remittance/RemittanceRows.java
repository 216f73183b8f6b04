package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.common.PgCopy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one chunk of a remittance writes, gathered in memory and written with one statement per
 * table: every line with its outcome, the payees' payables for the file (added to when a later chunk
 * pays the same payee), overpayments and their recoveries, complaints, ceiling corrections. Ids are
 * taken from the sequences beforehand so rows can name each other.
 */
final class RemittanceRows {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemittanceRows.class);

    record Line(long id, int lineNo, String transmittalNumber, String claimNumber, Integer claimLineNo, String matchedBy,
                Long claimId, Long claimLineId, BigDecimal amountPaid, BigDecimal expected, BigDecimal paidBefore,
                BigDecimal difference, String insurerCode, String insurerLabel, String outcome, String suspenseReason,
                boolean firstAnswer, ClaimLineMatch payee, boolean paying) {
    }

    /** What this chunk adds to a payee's payable for the file. */
    static final class PayeeTotal {
        final ClaimLineMatch payee;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal recovered = BigDecimal.ZERO;
        int lines;
        long id;

        PayeeTotal(ClaimLineMatch payee) {
            this.payee = payee;
        }
    }

    static final class Overpayment {
        final long id;
        final String origin;
        final long lineId;
        final ClaimLineMatch match;
        final BigDecimal amount;
        BigDecimal remaining;

        Overpayment(long id, String origin, long lineId, ClaimLineMatch match, BigDecimal amount) {
            this.id = id;
            this.origin = origin;
            this.lineId = lineId;
            this.match = match;
            this.amount = amount;
            this.remaining = amount;
        }
    }

    record Recovery(long overpaymentId, PayeeTotal payable, BigDecimal amount) {
    }

    record Complaint(long id, long lineId, ClaimLineMatch match, BigDecimal paid, BigDecimal difference, String reason,
                     Long closingLineId) {
    }

    record Correction(long claimId, int lineNo, long lineId, BigDecimal delta) {
    }

    record Closing(long claimLineId, long lineId) {
    }

    final List<Line> lines = new ArrayList<>();
    final java.util.Map<List<String>, PayeeTotal> payables = new java.util.LinkedHashMap<>();
    final List<Overpayment> overpayments = new ArrayList<>();
    final List<Recovery> recoveries = new ArrayList<>();
    final List<Complaint> complaints = new ArrayList<>();
    final List<Correction> corrections = new ArrayList<>();
    final List<Closing> closings = new ArrayList<>();

    PayeeTotal payee(ClaimLineMatch match) {
        return payables.computeIfAbsent(List.of(match.payeeType(), match.payee()), k -> new PayeeTotal(match));
    }

    void write(JdbcTemplate jdbc, long exchangeId, String policy) {
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        upsertPayables(jdbc, exchangeId, policy);
        long t1 = System.nanoTime();
        PgCopy.insert(jdbc, "remittance_line", "id, exchange_id, line_no, policy_number, transmittal_number, claim_number, "
                + "claim_line_no, matched_by, claim_id, claim_line_id, amount_paid, expected, paid_before, difference, insurer_code, "
                + "insurer_label, outcome, suspense_reason, first_answer, payee_type, payee, payable_id", lines, l -> new Object[] {
                l.id(), exchangeId, l.lineNo(), policy, l.transmittalNumber(), l.claimNumber(), l.claimLineNo(), l.matchedBy(),
                l.claimId(), l.claimLineId(), l.amountPaid(), l.expected(), l.paidBefore(), l.difference(), l.insurerCode(),
                l.insurerLabel(), l.outcome(), l.suspenseReason(), l.firstAnswer(),
                l.payee() == null ? null : l.payee().payeeType(), l.payee() == null ? null : l.payee().payee(),
                l.paying() ? payee(l.payee()).id : null});
        long t2 = System.nanoTime();
        PgCopy.insert(jdbc, "overpayment", "id, origin, remittance_line_id, claim_id, claim_line_id, policy_number, currency, "
                + "payee_type, payee, amount, recovered, status, created_at, recovered_at", overpayments, o -> new Object[] {o.id,
                o.origin, o.lineId, o.match.claimId(), o.match.claimLineId(), policy, o.match.currency(), o.match.payeeType(),
                o.match.payee(), o.amount, o.amount.subtract(o.remaining), o.remaining.signum() == 0 ? "RECOVERED" : "OPEN", now,
                o.remaining.signum() == 0 ? now : null});
        PgCopy.insert(jdbc, "overpayment_recovery", "overpayment_id, payable_id, amount, created_at", recoveries,
                r -> new Object[] {r.overpaymentId(), r.payable().id, r.amount(), now});
        PgCopy.insert(jdbc, "complaint", "id, policy_number, currency, claim_id, claim_line_id, remittance_line_id, expected, paid, "
                + "difference, reason, status, closed_by, closed_at, close_reason, closing_line_id, created_at", complaints,
                c -> new Object[] {c.id(), policy, c.match().currency(), c.match().claimId(), c.match().claimLineId(), c.lineId(),
                c.match().expected(), c.paid(), c.difference(), c.reason(), c.closingLineId() == null ? "OPEN" : "CLOSED",
                c.closingLineId() == null ? null : "remittance", c.closingLineId() == null ? null : now,
                c.closingLineId() == null ? null : "regularised by a later remittance line", c.closingLineId(), now});
        PgCopy.insert(jdbc, "ceiling_correction", "claim_id, line_no, remittance_line_id, delta", corrections,
                c -> new Object[] {c.claimId(), c.lineNo(), c.lineId(), c.delta()});
        LOG.debug("Remittance chunk written in ms: payables {}, lines {}, the rest {}", (t1 - t0) / 1000000, (t2 - t1) / 1000000,
                (System.nanoTime() - t2) / 1000000);
    }

    /** Adds this chunk's totals to the payees' payables of the file (created by the first chunk that pays them). */
    private void upsertPayables(JdbcTemplate jdbc, long exchangeId, String policy) {
        if (payables.isEmpty()) {
            return;
        }
        List<PayeeTotal> totals = List.copyOf(payables.values());
        java.util.Map<List<String>, Long> ids = new java.util.HashMap<>();
        jdbc.query(con -> RemittanceMatcher.statement(con, """
                insert into payable as p (exchange_id, policy_number, currency, payee_type, payee, lines, amount, recovered, net_amount,
                                          status, created_at, updated_at)
                select ?, ?, t.currency, t.payee_type, t.payee, t.lines, t.amount, t.recovered, t.amount - t.recovered, 'PAYABLE',
                       now(), now()
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::numeric[], ?::numeric[])
                     as t(currency, payee_type, payee, lines, amount, recovered)
                on conflict (exchange_id, payee_type, payee) do update
                set lines = p.lines + excluded.lines, amount = p.amount + excluded.amount,
                    recovered = p.recovered + excluded.recovered, net_amount = p.net_amount + excluded.net_amount, updated_at = now()
                returning p.id, p.payee_type, p.payee""", exchangeId, policy,
                RemittanceMatcher.array(con, "varchar", totals.stream().map(t -> t.payee.currency()).toList()),
                RemittanceMatcher.array(con, "varchar", totals.stream().map(t -> t.payee.payeeType()).toList()),
                RemittanceMatcher.array(con, "varchar", totals.stream().map(t -> t.payee.payee()).toList()),
                RemittanceMatcher.array(con, "int4", totals.stream().map(t -> t.lines).toList()),
                RemittanceMatcher.array(con, "numeric", totals.stream().map(t -> t.amount).toList()),
                RemittanceMatcher.array(con, "numeric", totals.stream().map(t -> t.recovered).toList())),
                rs -> {
                    ids.put(List.of(rs.getString(2), rs.getString(3)), rs.getLong(1));
                });
        totals.forEach(t -> t.id = ids.get(List.of(t.payee.payeeType(), t.payee.payee())));
    }

    /** Ids from a sequence, fetched a block at a time (a gap in the numbers is harmless). */
    static final class Ids {
        private final JdbcTemplate jdbc;
        private final String sequence;
        private final int block;
        private long[] ids = new long[0];
        private int at;

        Ids(JdbcTemplate jdbc, String sequence, int block) {
            this.jdbc = jdbc;
            this.sequence = sequence;
            this.block = block;
        }

        long next() {
            if (at == ids.length) {
                // one row holding the block, not a row per id
                ids = jdbc.queryForObject("select array(select nextval('" + sequence + "') from generate_series(1, ?))",
                        (rs, i) -> java.util.Arrays.stream((Long[]) rs.getArray(1).getArray()).mapToLong(Long::longValue).toArray(), block);
                at = 0;
            }
            return ids[at++];
        }
    }
}
