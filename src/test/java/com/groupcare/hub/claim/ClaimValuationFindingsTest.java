package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.groupcare.hub.claim.ConsumptionLedger.Scope;
import com.groupcare.hub.contract.ContractFiles;
import com.groupcare.hub.contract.InsuranceContract;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import static com.groupcare.hub.claim.ValuationReason.CEILING_EXHAUSTED;
import static com.groupcare.hub.claim.ValuationReason.PERIODICITY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviours of ClaimValuator found wrong while writing the benchmark and the worked example, and
 * fixed: periodicity looks both ways, a line charged nothing is no ceiling exhaustion, a negative
 * or empty line is refused as malformed and reserves nothing.
 */
class ClaimValuationFindingsTest {

    static final InsuranceContract TND = ContractFiles.load(new FileSystemResource("mappings/contracts/POL-TRS-2026.yaml"));
    static final CoveredPerson MEMBER = new CoveredPerson("B1", "F1", LocalDate.of(1980, 5, 10), LocalDate.of(2020, 1, 1), null);

    @Test
    void glassesFiledLateForEarlierCareAreStillOnceIn24Months() {
        ConsumptionLedger ledger = new InMemoryConsumptionLedger();
        ClaimValuator valuator = new ClaimValuator();
        valuator.value(TND, "sept", MEMBER, LocalDate.of(2026, 9, 1), List.of(glasses("200.000")), ledger);

        // the March form reaches the desk after the September one: 6 months apart, the same 24-month window
        ValuedClaim march = valuator.value(TND, "march", MEMBER, LocalDate.of(2026, 3, 1), List.of(glasses("180.000")), ledger);

        assertThat(march.lines().get(0).expected()).isEqualByComparingTo("0");
        assertThat(march.lines().get(0).reasons()).containsExactly(PERIODICITY);
    }

    @Test
    void aLineChargedNothingIsNotACeilingExhausted() {
        ValuedClaim claim = new ClaimValuator().value(TND, "zero", MEMBER, LocalDate.of(2026, 3, 10),
                List.of(new ClaimLineInput("PH", 1, new BigDecimal("0.000"), false)), new InMemoryConsumptionLedger());

        assertThat(claim.lines().get(0).expected()).isEqualByComparingTo("0");
        assertThat(claim.lines().get(0).reasons()).doesNotContain(CEILING_EXHAUSTED);
    }

    @Test
    void aNegativeAmountChargedGivesNoCeilingBack() {
        ConsumptionLedger ledger = new InMemoryConsumptionLedger();
        ClaimValuator valuator = new ClaimValuator();
        valuator.value(TND, "big", MEMBER, LocalDate.of(2026, 2, 1), pharmacy("2222.222"), ledger); // 2000.000, ceiling reached

        ValuedClaim negative = valuator.value(TND, "neg", MEMBER, LocalDate.of(2026, 3, 1), pharmacy("-500.000"), ledger);

        BigDecimal expected = negative.lines().get(0).expected(); // today -450.000, and 1550.000 used afterwards
        assertThat(expected.signum()).as("expected %s", expected).isGreaterThanOrEqualTo(0);
        assertThat(ledger.used(Scope.BENEFICIARY, "B1", TND.yearOf(LocalDate.of(2026, 3, 1)))).isEqualByComparingTo("2000.000");
    }

    private static ClaimLineInput glasses(String charged) {
        return new ClaimLineInput("OPT", 1, new BigDecimal(charged), true);
    }

    private static List<ClaimLineInput> pharmacy(String charged) {
        return List.of(new ClaimLineInput("PH", 1, new BigDecimal(charged), false));
    }
}
