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
 */
public record InsuranceContract(String policyNumber, String insurer, String currency, MonthDay yearStart,
                                String renewal, LocalDate endDate, BigDecimal reconciliationTolerance, String status,
                                List<BenefitSchedule> schedules, Integer invoiceTimeLimitDays) {

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
