package com.groupcare.hub.contract;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Act-family ceilings say whose they are; a typo stops the contract with the reason. */
class ContractFilesTest {

    static final String CONTRACT = """
            policy-number: POL-X
            insurer: X
            currency: TND
            schedules:
              - version: 1
                valid-from: 2026-01-01
                ceilings:
                  act-families: { %s }
                acts:
                  - { code: OPT, family: OPTICAL, rate: 1.00 }
            """;

    @Test
    void anActFamilyCeilingIsPerBeneficiaryUnlessTheScheduleSaysFamily() {
        BenefitSchedule schedule = ContractFiles.parse(CONTRACT.formatted("OPTICAL: { amount: 300.000, scope: FAMILY }, DENTAL: 500.000"))
                .schedules().get(0);
        assertThat(schedule.actFamilyCeiling("OPTICAL").amount()).isEqualByComparingTo(new BigDecimal("300.000"));
        assertThat(schedule.actFamilyCeiling("OPTICAL").scope()).isEqualTo(ActFamilyCeiling.Scope.FAMILY);
        assertThat(schedule.actFamilyCeiling("DENTAL").scope()).isEqualTo(ActFamilyCeiling.Scope.BENEFICIARY);
    }

    @Test
    void aTypoInAScopeOrAKeyIsRefusedWithTheReason() {
        assertThatThrownBy(() -> ContractFiles.parse(CONTRACT.formatted("OPTICAL: { amount: 300.000, scope: FAMLY }")))
                .hasMessageContaining("act-families.OPTICAL.scope must be BENEFICIARY or FAMILY, not FAMLY");
        assertThatThrownBy(() -> ContractFiles.parse(CONTRACT.formatted("OPTICAL: { amout: 300.000 }")))
                .hasMessageContaining("act-families.OPTICAL must be an amount or {amount, scope}");
    }
}
