package com.groupcare.hub.claim;

import java.time.LocalDate;

/** The beneficiary a claim is for, as valuation needs it: family (member), birth date, cover dates. */
public record CoveredPerson(String beneficiaryId, String familyId, LocalDate birthDate, LocalDate coverStart,
                            LocalDate coverEnd) {

    public boolean coveredOn(LocalDate day) {
        return !day.isBefore(coverStart) && (coverEnd == null || !day.isAfter(coverEnd));
    }
}
