package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import com.groupcare.hub.contract.InsuranceContract.ContractYear;

/**
 * What beneficiaries and families have already consumed: amounts reserved against ceilings,
 * and the acts reimbursed (for periodicity and yearly counts). Reserved when a claim is valued,
 * released when it is cancelled.
 */
public interface ConsumptionLedger {

    enum Scope { BENEFICIARY, FAMILY, ACT_FAMILY }

    /** Amount reserved in the contract year for a beneficiary, a family, or a beneficiary's act family. */
    BigDecimal used(Scope scope, String key, ContractYear year);

    /** Date of care of the latest reimbursed line of this act for the beneficiary, on or before the given day. */
    Optional<LocalDate> lastCare(String beneficiaryId, String actCode, LocalDate onOrBefore);

    /**
     * A reimbursed care of this act for the beneficiary strictly between the two days: periodicity
     * looks both ways, since a form for earlier care can reach the desk after a later one.
     */
    Optional<LocalDate> careBetween(String beneficiaryId, String actCode, LocalDate after, LocalDate before);

    /** Reimbursed lines of this act for the beneficiary in the contract year. */
    int count(String beneficiaryId, String actCode, ContractYear year);

    void reserve(Reservation reservation);

    /** The family's row is locked from now to the end of the transaction: a ledger that caches may load it here. */
    default void prepare(String familyId) {
        // the database ledger reads as it goes
    }

    /** Gives back everything a claim reserved (the claim is cancelled). */
    void release(String claimId);

    record Reservation(String claimId, int lineNo, String beneficiaryId, String familyId, String actCode,
                       String actFamily, LocalDate dateOfCare, ContractYear year, BigDecimal amount) {
    }
}
