package com.groupcare.hub.remittance;

import java.math.BigDecimal;

import com.groupcare.hub.remittance.Reconciliation.ComplaintAction;
import com.groupcare.hub.remittance.Reconciliation.Decision;
import com.groupcare.hub.remittance.Reconciliation.LineState;
import com.groupcare.hub.remittance.Reconciliation.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The money rules of one remittance line against its claim line, without Camel or a database. */
class ReconciliationTest {

    static final BigDecimal TOLERANCE = new BigDecimal("0.500");

    static BigDecimal tnd(String amount) {
        return new BigDecimal(amount);
    }

    static Decision first(String expected, String paid, String label) {
        return Reconciliation.decide(LineState.unanswered(tnd(expected)), tnd(paid), label, TOLERANCE);
    }

    @Test
    void aFirstAnswerWithinTheToleranceIsReconciledAndTheCeilingCountsWhatWasPaid() {
        Decision d = first("40.950", "40.700", null);
        assertThat(d.outcome()).isEqualTo(Outcome.RECONCILED);
        assertThat(d.payable()).isEqualByComparingTo("40.700");
        assertThat(d.complaint()).isEqualTo(ComplaintAction.NONE);
        assertThat(d.difference()).isEqualByComparingTo("-0.250");
        assertThat(d.consumptionDelta(LineState.unanswered(tnd("40.950")))).isEqualByComparingTo("-0.250");
        assertThat(first("40.950", "40.450", null).outcome()).as("exactly the tolerance").isEqualTo(Outcome.RECONCILED);
        assertThat(first("40.950", "40.449", null).outcome()).as("one millime beyond").isEqualTo(Outcome.UNDERPAID);
    }

    @Test
    void underpaidOpensAComplaintAndIsPaidWhatTheInsurerPaid() {
        Decision d = first("36.000", "30.000", null);
        assertThat(d.outcome()).isEqualTo(Outcome.UNDERPAID);
        assertThat(d.payable()).isEqualByComparingTo("30.000");
        assertThat(d.complaint()).isEqualTo(ComplaintAction.OPEN);
        assertThat(d.complaintReason()).isEqualTo("paid 30.000, 36.000 expected");
        assertThat(d.after().complaintOpen()).isTrue();
    }

    @Test
    void aRejectionOpensAComplaintWithTheInsurersReasonAndFreesTheCeiling() {
        Decision d = first("150.000", "0.000", "Plafond atteint");
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(d.payable()).isZero();
        assertThat(d.complaintReason()).isEqualTo("rejected by the insurer: Plafond atteint");
        assertThat(d.consumptionDelta(LineState.unanswered(tnd("150.000")))).isEqualByComparingTo("-150.000");
        assertThat(first("0.000", "0.000", "Acte non couvert").outcome()).as("nothing expected, nothing paid").isEqualTo(Outcome.RECONCILED);
    }

    @Test
    void paidAboveTheInsuredShareIsPaidAndTheGapIsOwedBack() {
        Decision d = first("60.000", "75.000", null);
        assertThat(d.outcome()).isEqualTo(Outcome.OVERPAID);
        assertThat(d.payable()).isEqualByComparingTo("75.000");
        assertThat(d.overpayment()).isEqualByComparingTo("15.000");
        assertThat(d.overpaymentOrigin()).isEqualTo("ABOVE_INSURED_SHARE");
        assertThat(d.consumptionDelta(LineState.unanswered(tnd("60.000")))).as("the ceiling counts the insured share").isZero();
    }

    @Test
    void aSecondPaymentIsRefusedUnlessAComplaintIsOpenThenItRegularisesAndClosesIt() {
        LineState paid = first("20.000", "20.000", null).after();
        Decision again = Reconciliation.decide(paid, tnd("20.000"), null, TOLERANCE);
        assertThat(again.outcome()).isEqualTo(Outcome.SUSPENSE);
        assertThat(again.suspenseReason()).isEqualTo("ALREADY_PAID");
        assertThat(again.payable()).isZero();

        LineState underpaid = first("36.000", "30.000", null).after();
        Decision part = Reconciliation.decide(underpaid, tnd("3.000"), null, TOLERANCE);
        assertThat(part.outcome()).isEqualTo(Outcome.REGULARISATION);
        assertThat(part.complaint()).as("still 3.000 short").isEqualTo(ComplaintAction.NONE);
        assertThat(part.after().complaintOpen()).isTrue();
        Decision rest = Reconciliation.decide(part.after(), tnd("3.000"), null, TOLERANCE);
        assertThat(rest.complaint()).isEqualTo(ComplaintAction.CLOSE);
        assertThat(rest.payable()).isEqualByComparingTo("3.000");
        assertThat(rest.overpayment()).isZero();

        Decision tooMuch = Reconciliation.decide(underpaid, tnd("10.000"), null, TOLERANCE);
        assertThat(tooMuch.complaint()).isEqualTo(ComplaintAction.CLOSE);
        assertThat(tooMuch.overpayment()).as("36.000 due, 40.000 paid in all").isEqualByComparingTo("4.000");
    }

    @Test
    void aNegativeLineIsOwedBackByThePayee() {
        Decision reversal = Reconciliation.decide(first("20.000", "20.000", null).after(), tnd("-20.000"), null, TOLERANCE);
        assertThat(reversal.outcome()).isEqualTo(Outcome.REVERSAL);
        assertThat(reversal.overpayment()).isEqualByComparingTo("20.000");
        assertThat(reversal.overpaymentOrigin()).isEqualTo("REVERSAL");
        assertThat(reversal.after().paid()).isZero();
        assertThat(reversal.consumptionDelta(first("20.000", "20.000", null).after())).isEqualByComparingTo("-20.000");
        assertThat(Reconciliation.decide(LineState.unanswered(tnd("20.000")), tnd("-5.000"), null, TOLERANCE).overpaymentOrigin())
                .isEqualTo("NEGATIVE_LINE");
    }

    @Test
    void aReversalGivesBackAtMostWhatWasPaidAndASecondOneHasNothingLeft() {
        LineState paid20 = first("20.000", "20.000", null).after();
        Decision tooMuch = Reconciliation.decide(paid20, tnd("-50.000"), null, TOLERANCE);
        assertThat(tooMuch.overpayment()).as("the payee received 20.000").isEqualByComparingTo("20.000");
        assertThat(tooMuch.complaint()).isEqualTo(ComplaintAction.OPEN);
        assertThat(tooMuch.complaintReason()).isEqualTo("the insurer took back 50.000, only 20.000 was paid");

        Decision reversed = Reconciliation.decide(paid20, tnd("-20.000"), null, TOLERANCE);
        Decision again = Reconciliation.decide(reversed.after(), tnd("-20.000"), null, TOLERANCE);
        assertThat(again.outcome()).isEqualTo(Outcome.SUSPENSE);
        assertThat(again.suspenseReason()).isEqualTo("NOTHING_TO_REVERSE");
        assertThat(again.overpayment()).isZero();
    }

    @Test
    void aPaymentAfterAReversalPaysTheLineAgain() {
        Decision reversed = Reconciliation.decide(first("25.000", "25.000", null).after(), tnd("-25.000"), null, TOLERANCE);
        assertThat(reversed.after().complaintOpen()).isFalse();
        Decision replaced = Reconciliation.decide(reversed.after(), tnd("25.000"), null, TOLERANCE);
        assertThat(replaced.outcome()).as("cancelled and replaced").isEqualTo(Outcome.REGULARISATION);
        assertThat(replaced.payable()).isEqualByComparingTo("25.000");
        assertThat(replaced.overpayment()).isZero();
        assertThat(replaced.after().paid()).isEqualByComparingTo("25.000");
        assertThat(Reconciliation.decide(replaced.after(), tnd("25.000"), null, TOLERANCE).suspenseReason()).isEqualTo("ALREADY_PAID");
    }
}
