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

    @Test
    void aMisspeltKeyStopsTheContractInsteadOfDroppingItsRule() {
        assertThatThrownBy(() -> ContractFiles.parse(CONTRACT.formatted("").replace("rate: 1.00", "rate: 1.00, periodicty-months: 24")))
                .hasMessageContaining("unknown key periodicty-months in act OPT of schedule 1");
        assertThatThrownBy(() -> ContractFiles.parse("reconciliation-tolerence: 1.000\n" + CONTRACT.formatted("")))
                .hasMessageContaining("unknown key reconciliation-tolerence in the contract");
        assertThatThrownBy(() -> ContractFiles.parse(CONTRACT.formatted("").replace("act-families:", "beneficiary-yaer: 10\n      act-families:")))
                .hasMessageContaining("unknown key beneficiary-yaer in the ceilings of schedule 1");
    }

    @Test
    void theAgeRulesAreTheSeedsUnlessTheContractSaysOtherwise() {
        InsuranceContract seedDefaults = ContractFiles.parse(CONTRACT.formatted(""));
        assertThat(seedDefaults.subscriptionAgeLimit()).isEqualTo(60);
        assertThat(seedDefaults.coverEndsAtAge()).isEqualTo(65);
        InsuranceContract own = ContractFiles.parse("subscription-age-limit: none\ncover-ends-at-age: 70\n" + CONTRACT.formatted(""));
        assertThat(own.subscriptionAgeLimit()).isNull();
        assertThat(own.coverEndsAtAge()).isEqualTo(70);
        assertThatThrownBy(() -> ContractFiles.parse("cover-ends-at-age: sixty-five\n" + CONTRACT.formatted("")))
                .hasMessageContaining("cover-ends-at-age must be an age in whole years or none, not 'sixty-five'");
    }
}
