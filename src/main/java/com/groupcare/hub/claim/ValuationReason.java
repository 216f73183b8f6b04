package com.groupcare.hub.claim;

/**
 * Why a claim line is valued as it is (closed list). The first group makes the line zero;
 * the second tells which limit lowered it.
 */
public enum ValuationReason {
    NO_SCHEDULE(true),
    CONTRACT_ENDED(true),
    MALFORMED_LINE(true),
    RIGHTS_CLOSED(true),
    ACT_NOT_COVERED(true),
    AGE_LIMIT(true),
    WAITING_PERIOD(true),
    VOUCHER_MISSING(true),
    PERIODICITY(true),
    MAX_COUNT(true),
    CEILING_EXHAUSTED(true),
    TARIFF_APPLIED(false),
    CAP_APPLIED(false),
    BENEFICIARY_CEILING(false),
    FAMILY_CEILING(false),
    ACT_FAMILY_CEILING(false);

    private final boolean refusal;

    ValuationReason(boolean refusal) {
        this.refusal = refusal;
    }

    /** True when this reason alone makes the line worth nothing. */
    public boolean refusal() {
        return refusal;
    }
}
