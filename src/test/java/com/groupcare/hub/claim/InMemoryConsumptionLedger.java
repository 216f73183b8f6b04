package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.groupcare.hub.contract.InsuranceContract.ContractYear;

/** A ledger held in memory: for tests, simulations and one batch valued at a time. */
class InMemoryConsumptionLedger implements ConsumptionLedger {

    private final List<Reservation> reservations = new ArrayList<>();

    @Override
    public BigDecimal used(Scope scope, String key, ContractYear year) {
        return reservations.stream().filter(r -> r.year().equals(year)).filter(r -> switch (scope) {
            case BENEFICIARY -> r.beneficiaryId().equals(key);
            case FAMILY -> r.familyId().equals(key);
            case ACT_FAMILY -> (r.beneficiaryId() + "/" + r.actFamily()).equals(key);
            case FAMILY_ACT_FAMILY -> (r.familyId() + "/" + r.actFamily()).equals(key);
        }).map(Reservation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public Optional<LocalDate> lastCare(String policyNumber, String beneficiaryId, String actCode, LocalDate onOrBefore) {
        return reservations.stream().filter(r -> r.year().policyNumber().equals(policyNumber))
                .filter(r -> r.beneficiaryId().equals(beneficiaryId) && r.actCode().equals(actCode))
                .map(Reservation::dateOfCare).filter(d -> !d.isAfter(onOrBefore)).max(Comparator.naturalOrder());
    }

    @Override
    public Optional<LocalDate> careBetween(String policyNumber, String beneficiaryId, String actCode, LocalDate after,
                                           LocalDate before) {
        return reservations.stream().filter(r -> r.year().policyNumber().equals(policyNumber))
                .filter(r -> r.beneficiaryId().equals(beneficiaryId) && r.actCode().equals(actCode))
                .map(Reservation::dateOfCare).filter(d -> d.isAfter(after) && d.isBefore(before)).min(Comparator.naturalOrder());
    }

    @Override
    public int count(String beneficiaryId, String actCode, ContractYear year) {
        return (int) reservations.stream().filter(r -> r.year().equals(year) && r.beneficiaryId().equals(beneficiaryId)
                && r.actCode().equals(actCode)).count();
    }

    @Override
    public void reserve(Reservation reservation) {
        reservations.add(reservation);
    }

    @Override
    public void release(String claimId) {
        reservations.removeIf(r -> r.claimId().equals(claimId));
    }
}
