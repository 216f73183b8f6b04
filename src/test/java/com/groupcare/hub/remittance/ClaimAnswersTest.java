package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.remittance.Reconciliation.LineState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim's status from its lines' answers, without Camel or a database. */
class ClaimAnswersTest {

    static final BigDecimal TOLERANCE = new BigDecimal("0.500");

    final Map<Long, LineState> states = new HashMap<>();
    final Map<Long, String> labels = new HashMap<>();

    void line(long id, String expected, String paid) {
        states.put(id, paid == null ? LineState.unanswered(new BigDecimal(expected))
                : new LineState(new BigDecimal(expected), true, new BigDecimal(paid), false));
    }

    ClaimAnswers.Answer answer() {
        return ClaimAnswers.answer(7L, List.of(1L, 2L), states, labels, TOLERANCE);
    }

    @Test
    void everyLineAnsweredAndPaidWithinTheToleranceIsReimbursed() {
        line(1, "20.000", "20.000");
        line(2, "40.950", "40.450");
        assertThat(answer()).isEqualTo(new ClaimAnswers.Answer(7L, "REIMBURSED", null));
    }

    @Test
    void aLineStillUnansweredOrPaidBeyondTheToleranceLeavesTheClaimPartlyReimbursed() {
        line(1, "20.000", "20.000");
        line(2, "40.950", null);
        assertThat(answer().status()).as("a line not answered yet").isEqualTo("PARTIALLY_REIMBURSED");
        line(2, "40.950", "40.449");
        assertThat(answer().status()).as("one millime beyond the tolerance").isEqualTo("PARTIALLY_REIMBURSED");
    }

    @Test
    void everyLineAnsweredAndNothingPaidIsRejectedWithTheLeastOfTheInsurersLabels() {
        line(1, "20.000", "0.000");
        line(2, "150.000", "0.000");
        labels.put(1L, "Plafond atteint");
        labels.put(2L, "Acte non couvert par la garantie");
        assertThat(answer()).isEqualTo(new ClaimAnswers.Answer(7L, "REJECTED_BY_INSURER", "Acte non couvert par la garantie"));
    }

    @Test
    void oneLinePaidAndOneRefusedLeavesTheClaimPartlyReimbursedNotRejected() {
        line(1, "20.000", "20.000");
        line(2, "40.000", "0.000");
        assertThat(answer().status()).isEqualTo("PARTIALLY_REIMBURSED");
    }
}
