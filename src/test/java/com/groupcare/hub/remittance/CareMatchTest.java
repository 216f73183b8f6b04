package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Twin lines of one care (same member, act and day) answered by an insurer that does not echo our numbers. */
class CareMatchTest {

    static final BigDecimal TOLERANCE = new BigDecimal("0.500");
    final ClaimLineMatch small = line(1L, "20.000");
    final ClaimLineMatch large = line(2L, "45.000");
    final Map<Long, Reconciliation.LineState> states = new HashMap<>(Map.of(
            1L, Reconciliation.LineState.unanswered(new BigDecimal("20.000")),
            2L, Reconciliation.LineState.unanswered(new BigDecimal("45.000"))));

    @Test
    void aPaymentGoesToTheTwinWhoseExpectedAmountItPays() {
        assertThat(RemittanceApplier.pick(List.of(small, large), states, new BigDecimal("45.000"), TOLERANCE)).isEqualTo(large);
        assertThat(RemittanceApplier.pick(List.of(small, large), states, new BigDecimal("19.800"), TOLERANCE)).isEqualTo(small);
        assertThat(RemittanceApplier.pick(List.of(small, large), states, new BigDecimal("30.000"), TOLERANCE))
                .as("no twin fits: the first not answered").isEqualTo(small);
    }

    @Test
    void aNegativeLineReversesTheTwinThatWasPaid() {
        states.put(2L, new Reconciliation.LineState(new BigDecimal("45.000"), true, new BigDecimal("45.000"), false));
        assertThat(RemittanceApplier.pick(List.of(small, large), states, new BigDecimal("-45.000"), TOLERANCE)).isEqualTo(large);
        assertThat(RemittanceApplier.pick(List.of(small, large), states, new BigDecimal("20.000"), TOLERANCE))
                .as("a payment never goes to the twin already answered").isEqualTo(small);
    }

    private static ClaimLineMatch line(long id, String expected) {
        return new ClaimLineMatch(10L, id, (int) id, "SENT", "POL-ATL-2026", "POL-ATL-2026-00001", new BigDecimal(expected), "TND",
                java.util.UUID.randomUUID(), "SFX-003", true);
    }
}
