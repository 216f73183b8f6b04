package com.groupcare.hub.remittance;

import java.math.BigDecimal;

/**
 * The money rules of a remittance line matched to a claim line, in plain Java: what the insurer's
 * answer means against what the claim engine expected and what was paid before. A first answer
 * within the contract's tolerance is reconciled; under it, a complaint opens; over it, the excess is
 * an overpayment. A later payment is a regularisation while the line is short of its due (a complaint
 * open, or a payment reversed; it closes the complaint once the line is paid), otherwise the line is
 * already paid and goes to suspense. A negative amount reverses a payment: the payee owes back what it
 * received at most (more taken back opens a complaint; a line with nothing left to reverse goes to
 * suspense); on a line never answered, the payee owes it.
 */
final class Reconciliation {

    private Reconciliation() {
    }

    enum Outcome { RECONCILED, UNDERPAID, OVERPAID, REJECTED, REVERSAL, REGULARISATION, SUSPENSE }

    enum ComplaintAction { NONE, OPEN, CLOSE }

    /** The claim line before this answer: expected, whether answered, paid so far, a complaint open. */
    record LineState(BigDecimal expected, boolean answered, BigDecimal paid, boolean complaintOpen) {

        static LineState unanswered(BigDecimal expected) {
            return new LineState(expected, false, BigDecimal.ZERO, false);
        }

        /** What counts against the ceilings: the expected amount until answered, then what was paid, within 0..expected. */
        BigDecimal consumption() {
            return answered ? paid.max(BigDecimal.ZERO).min(expected) : expected;
        }
    }

    /**
     * The decision for one line: its outcome, what becomes payable, what is owed back and why, the
     * complaint to open or close, the gap (paid - expected), and how the ceiling consumption moves.
     */
    record Decision(Outcome outcome, String suspenseReason, BigDecimal payable, BigDecimal overpayment,
                    String overpaymentOrigin, ComplaintAction complaint, String complaintReason, BigDecimal difference,
                    LineState after) {

        BigDecimal consumptionDelta(LineState before) {
            return after.consumption().subtract(before.consumption());
        }
    }

    static Decision decide(LineState before, BigDecimal amount, String rejectionLabel, BigDecimal tolerance) {
        BigDecimal zero = amount.subtract(amount);
        BigDecimal expected = before.expected();
        if (amount.signum() < 0) {
            if (!before.answered()) {
                // the insurer withholds money on a line it never paid: the payee owes it (issue 7, "a negative line")
                return new Decision(Outcome.REVERSAL, null, zero, amount.negate(), "NEGATIVE_LINE", ComplaintAction.NONE, null,
                        amount.subtract(expected), new LineState(expected, true, amount, before.complaintOpen()));
            }
            if (before.paid().signum() <= 0) {
                // reversed already, or never paid: the payee received nothing more to give back
                return suspense("NOTHING_TO_REVERSE", before, zero);
            }
            // the payee gives back at most what it received; more taken back is the insurer's to explain
            BigDecimal owed = amount.negate().min(before.paid());
            BigDecimal paid = before.paid().subtract(owed);
            boolean beyond = owed.compareTo(amount.negate()) < 0;
            return new Decision(Outcome.REVERSAL, null, zero, owed, "REVERSAL", beyond ? ComplaintAction.OPEN : ComplaintAction.NONE,
                    beyond ? "the insurer took back " + amount.negate().toPlainString() + ", only " + before.paid().toPlainString()
                            + " was paid" : null,
                    paid.subtract(expected), new LineState(expected, true, paid, before.complaintOpen() || beyond));
        }
        if (before.answered()) {
            // a payment on a line still short of its due (under a complaint, or after a reversal) pays it; else it is a repeat
            boolean due = before.complaintOpen() || before.paid().compareTo(expected.subtract(tolerance)) < 0;
            if (!due || amount.signum() == 0) {
                return suspense("ALREADY_PAID", before, zero);
            }
            BigDecimal paid = before.paid().add(amount);
            BigDecimal excess = paid.subtract(expected).subtract(tolerance).signum() > 0
                    ? amount.min(paid.subtract(before.paid().max(expected))) : zero;
            boolean settled = paid.compareTo(expected.subtract(tolerance)) >= 0;
            return new Decision(Outcome.REGULARISATION, null, amount, excess, excess.signum() > 0 ? "ABOVE_INSURED_SHARE" : null,
                    settled ? ComplaintAction.CLOSE : ComplaintAction.NONE, null, paid.subtract(expected),
                    new LineState(expected, true, paid, !settled));
        }
        BigDecimal difference = amount.subtract(expected);
        LineState after = new LineState(expected, true, amount, false);
        if (difference.abs().compareTo(tolerance) <= 0) {
            return new Decision(Outcome.RECONCILED, null, amount, zero, null, ComplaintAction.NONE, null, difference, after);
        }
        if (difference.signum() > 0) {
            return new Decision(Outcome.OVERPAID, null, amount, difference, "ABOVE_INSURED_SHARE", ComplaintAction.NONE, null,
                    difference, after);
        }
        LineState open = new LineState(expected, true, amount, true);
        if (amount.signum() == 0) {
            String reason = rejectionLabel != null ? "rejected by the insurer: " + rejectionLabel
                    : "nothing paid, " + expected.toPlainString() + " expected";
            return new Decision(Outcome.REJECTED, null, zero, zero, null, ComplaintAction.OPEN, reason, difference, open);
        }
        String reason = "paid " + amount.toPlainString() + ", " + expected.toPlainString() + " expected"
                + (rejectionLabel != null ? " (" + rejectionLabel + ")" : "");
        return new Decision(Outcome.UNDERPAID, null, amount, zero, null, ComplaintAction.OPEN, reason, difference, open);
    }

    /** A line that is kept but neither paid nor reconciled, with the reason the desk reads. */
    static Decision suspense(String reason, LineState before, BigDecimal zero) {
        return new Decision(Outcome.SUSPENSE, reason, zero, zero, null, ComplaintAction.NONE, null, null, before);
    }
}
