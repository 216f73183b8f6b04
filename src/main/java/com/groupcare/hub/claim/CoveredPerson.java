package com.groupcare.hub.claim;

import java.time.LocalDate;

/**
 * The beneficiary a claim is for, as valuation needs it: family (member), birth date, cover dates,
 * and the last day the age limit allows (children; null when there is none).
 */
public record CoveredPerson(String beneficiaryId, String familyId, LocalDate birthDate, LocalDate coverStart,
                            LocalDate coverEnd, LocalDate ageLimitEnd) {

    /** Someone with no age limit (a member, a spouse, a disabled child). */
    public CoveredPerson(String beneficiaryId, String familyId, LocalDate birthDate, LocalDate coverStart, LocalDate coverEnd) {
        this(beneficiaryId, familyId, birthDate, coverStart, coverEnd, null);
    }

    public boolean coveredOn(LocalDate day) {
        return !day.isBefore(coverStart) && (coverEnd == null || !day.isAfter(coverEnd));
    }

    /** Not covered on that day because the cover ended at the age limit (a child grown up), not for another reason. */
    public boolean pastAgeLimitOn(LocalDate day) {
        return ageLimitEnd != null && day.isAfter(ageLimitEnd) && coverEnd != null && !coverEnd.isBefore(ageLimitEnd);
    }

    /** The same person with no rights at all (under a contract that does not cover their org unit). */
    public CoveredPerson withoutRights() {
        return new CoveredPerson(beneficiaryId, familyId, birthDate, coverStart, coverStart.minusDays(1), null);
    }
}
