package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import com.groupcare.hub.contract.InsuranceContract.ContractYear;

/**
 * What beneficiaries and families have already consumed under a contract: amounts reserved
 * against ceilings, and the acts reimbursed (for periodicity and yearly counts). Reserved when a
 * claim is valued, released when it is cancelled. Everything belongs to one policy: what was used
 * under one contract never counts against another's (a {@link ContractYear} names its policy).
 */
public interface ConsumptionLedger {

    /**
     * Whose consumption: a beneficiary's or a family's (key: the id), or their use of an act family
     * (key: {@code id/ACT_FAMILY}), as the schedule scopes that act family's ceiling.
     */
    enum Scope { BENEFICIARY, FAMILY, ACT_FAMILY, FAMILY_ACT_FAMILY }

    /** Amount reserved in the contract year for a beneficiary, a family, or their act family. */
    BigDecimal used(Scope scope, String key, ContractYear year);

    /** Date of care of the latest reimbursed line of this act for the beneficiary under the policy, on or before the day. */
    Optional<LocalDate> lastCare(String policyNumber, String beneficiaryId, String actCode, LocalDate onOrBefore);

    /**
     * A reimbursed care of this act for the beneficiary under the policy strictly between the two days:
     * periodicity looks both ways, since a form for earlier care can reach the desk after a later one.
     */
    Optional<LocalDate> careBetween(String policyNumber, String beneficiaryId, String actCode, LocalDate after, LocalDate before);

    /** Reimbursed lines of this act for the beneficiary in the contract year. */
    int count(String beneficiaryId, String actCode, ContractYear year);

    void reserve(Reservation reservation);

    /** The family's row is locked from now to the end of the transaction: a ledger that caches may load it here. */
    default void prepare(String familyId) {
        // a ledger held in memory has nothing to load
    }

    /** Gives back everything a claim reserved (the claim is cancelled, or its form refused). */
    void release(String claimId);

    /** One valued line's consumption; its year names the policy it counts against. */
    record Reservation(String claimId, int lineNo, String beneficiaryId, String familyId, String actCode,
                       String actFamily, LocalDate dateOfCare, ContractYear year, BigDecimal amount) {
    }
}
