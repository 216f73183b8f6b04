package com.groupcare.hub.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A group insurance contract: insurer, policy, currency, the day its contract year starts (ceiling
 * years follow it, not the calendar), how it renews, when it ends if it does, the reconciliation
 * tolerance, and its schedule versions.
 *
 * @param renewal TACIT (renewed each contract year unless terminated) or NONE
 * @param endDate last day of cover under the contract (termination), or null while it renews
 * @param invoiceTimeLimitDays how long after the care a provider may invoice it (tiers payant), null: no limit
 * @param subscriptionAgeLimit the oldest age at which a person's cover may start under the contract, null: none
 * @param coverEndsAtAge the age at which cover ends, at the next renewal date after that birthday, null: never
 */
public record InsuranceContract(String policyNumber, String insurer, String currency, MonthDay yearStart,
                                String renewal, LocalDate endDate, BigDecimal reconciliationTolerance, String status,
                                List<BenefitSchedule> schedules, Integer invoiceTimeLimitDays,
                                Integer subscriptionAgeLimit, Integer coverEndsAtAge) {

    /** The seed on portfolio management: no new cover past 60; cover ends at the renewal after 65, unless the contract says otherwise. */
    public static final int DEFAULT_SUBSCRIPTION_AGE_LIMIT = 60;
    public static final int DEFAULT_COVER_ENDS_AT_AGE = 65;

    public InsuranceContract {
        schedules = schedules.stream().sorted(Comparator.comparing(BenefitSchedule::validFrom)).toList();
    }

    /** Care on this day falls under the contract: after its first schedule and not after its end. */
    public boolean inForceOn(LocalDate day) {
        return scheduleAt(day).isPresent() && (endDate == null || !day.isAfter(endDate));
    }

    /** The schedule version valid on the date of care. */
    public Optional<BenefitSchedule> scheduleAt(LocalDate dateOfCare) {
        BenefitSchedule found = null;
        for (BenefitSchedule s : schedules) {
            if (!s.validFrom().isAfter(dateOfCare)) {
                found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Whether the contract's age rules leave a person uncovered on that day: their cover started when they
     * were older than the subscription age limit, or they reached the cover-end age before the contract
     * year of the day began (a person reaching it during a year stays covered until the next renewal).
     */
    public boolean pastAgeRulesOn(LocalDate birthDate, LocalDate coverStart, LocalDate day) {
        if (subscriptionAgeLimit != null && coverStart != null
                && java.time.Period.between(birthDate, coverStart).getYears() > subscriptionAgeLimit) {
            return true;
        }
        return coverEndsAtAge != null && !birthDate.plusYears(coverEndsAtAge).isAfter(yearOf(day).start());
    }

    /** The contract year the date falls in. */
    public ContractYear yearOf(LocalDate date) {
        LocalDate start = yearStart.atYear(date.getYear());
        if (start.isAfter(date)) {
            start = yearStart.atYear(date.getYear() - 1);
        }
        return new ContractYear(policyNumber, start, start.plusYears(1).minusDays(1));
    }

    /** A contract year of one policy: ceilings and yearly counts belong to it, never to another policy's. */
    public record ContractYear(String policyNumber, LocalDate start, LocalDate end) {
    }
}
