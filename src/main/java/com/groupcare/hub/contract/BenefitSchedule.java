package com.groupcare.hub.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A version of a contract's benefit schedule, valid from a date: the rules per act and the
 * annual ceilings (per beneficiary, per family, per act family). A claim is valued with the
 * version valid at its date of care.
 */
public record BenefitSchedule(int version, LocalDate validFrom, Map<String, BenefitRule> rules,
                              BigDecimal beneficiaryYearCeiling, BigDecimal familyYearCeiling,
                              Map<String, ActFamilyCeiling> actFamilyYearCeilings) {

    public Optional<BenefitRule> rule(String actCode) {
        return Optional.ofNullable(rules.get(actCode));
    }

    public ActFamilyCeiling actFamilyCeiling(String actFamily) {
        return actFamilyYearCeilings.get(actFamily);
    }
}
