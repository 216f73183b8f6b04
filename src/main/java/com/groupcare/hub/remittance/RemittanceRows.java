package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.common.PgCopy;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one chunk of a remittance writes, gathered in memory and written with one COPY per table:
 * every line with its outcome, payables, overpayments and their recoveries, complaints, ceiling
 * corrections. Ids are taken from the sequences beforehand so rows can name each other.
 */
final class RemittanceRows {

    record Line(long id, int lineNo, String transmittalNumber, String claimNumber, Integer claimLineNo, String matchedBy,
                Long claimId, Long claimLineId, BigDecimal amountPaid, BigDecimal expected, BigDecimal paidBefore,
                BigDecimal difference, String insurerCode, String insurerLabel, String outcome, String suspenseReason,
                boolean firstAnswer) {
    }

    record Payable(long id, long lineId, ClaimLineMatch match, BigDecimal amount, BigDecimal recovered) {
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

    record Recovery(long overpaymentId, long payableId, BigDecimal amount) {
    }

    record Complaint(long id, long lineId, ClaimLineMatch match, BigDecimal paid, BigDecimal difference, String reason,
                     Long closingLineId) {
    }

    record Correction(long claimId, int lineNo, long lineId, BigDecimal delta) {
    }

    record Closing(long claimLineId, long lineId) {
    }

    final List<Line> lines = new ArrayList<>();
    final List<Payable> payables = new ArrayList<>();
    final List<Overpayment> overpayments = new ArrayList<>();
    final List<Recovery> recoveries = new ArrayList<>();
    final List<Complaint> complaints = new ArrayList<>();
    final List<Correction> corrections = new ArrayList<>();
    final List<Closing> closings = new ArrayList<>();

    void write(JdbcTemplate jdbc, long exchangeId, String policy) {
        Instant now = Instant.now();
        PgCopy.insert(jdbc, "remittance_line", "id, exchange_id, line_no, policy_number, transmittal_number, claim_number, "
                + "claim_line_no, matched_by, claim_id, claim_line_id, amount_paid, expected, paid_before, difference, insurer_code, "
                + "insurer_label, outcome, suspense_reason, first_answer", lines, l -> new Object[] {l.id(), exchangeId, l.lineNo(),
                policy, l.transmittalNumber(), l.claimNumber(), l.claimLineNo(), l.matchedBy(), l.claimId(), l.claimLineId(),
                l.amountPaid(), l.expected(), l.paidBefore(), l.difference(), l.insurerCode(), l.insurerLabel(), l.outcome(),
                l.suspenseReason(), l.firstAnswer()});
        PgCopy.insert(jdbc, "payable", "id, remittance_line_id, claim_id, claim_line_id, policy_number, currency, payee_type, payee, "
                + "amount, recovered, net_amount, status, created_at", payables, p -> new Object[] {p.id(), p.lineId(),
                p.match().claimId(), p.match().claimLineId(), policy, p.match().currency(), p.match().payeeType(), p.match().payee(),
                p.amount(), p.recovered(), p.amount().subtract(p.recovered()), "PAYABLE", now});
        PgCopy.insert(jdbc, "overpayment", "id, origin, remittance_line_id, claim_id, claim_line_id, policy_number, currency, "
                + "payee_type, payee, amount, recovered, status, created_at, recovered_at", overpayments, o -> new Object[] {o.id,
                o.origin, o.lineId, o.match.claimId(), o.match.claimLineId(), policy, o.match.currency(), o.match.payeeType(),
                o.match.payee(), o.amount, o.amount.subtract(o.remaining), o.remaining.signum() == 0 ? "RECOVERED" : "OPEN", now,
                o.remaining.signum() == 0 ? now : null});
        PgCopy.insert(jdbc, "overpayment_recovery", "overpayment_id, payable_id, amount, created_at", recoveries,
                r -> new Object[] {r.overpaymentId(), r.payableId(), r.amount(), now});
        PgCopy.insert(jdbc, "complaint", "id, policy_number, currency, claim_id, claim_line_id, remittance_line_id, expected, paid, "
                + "difference, reason, status, closed_by, closed_at, close_reason, closing_line_id, created_at", complaints,
                c -> new Object[] {c.id(), policy, c.match().currency(), c.match().claimId(), c.match().claimLineId(), c.lineId(),
                c.match().expected(), c.paid(), c.difference(), c.reason(), c.closingLineId() == null ? "OPEN" : "CLOSED",
                c.closingLineId() == null ? null : "remittance", c.closingLineId() == null ? null : now,
                c.closingLineId() == null ? null : "regularised by a later remittance line", c.closingLineId(), now});
        PgCopy.insert(jdbc, "ceiling_correction", "claim_id, line_no, remittance_line_id, delta", corrections,
                c -> new Object[] {c.claimId(), c.lineNo(), c.lineId(), c.delta()});
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
                ids = jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, block)
                        .stream().mapToLong(Long::longValue).toArray();
                at = 0;
            }
            return ids[at++];
        }
    }
}
