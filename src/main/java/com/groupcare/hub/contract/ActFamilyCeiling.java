package com.groupcare.hub.contract;

import java.math.BigDecimal;

/**
 * A yearly ceiling on an act family (optical, dental...), for each beneficiary or shared by the
 * whole family, as the schedule says ({@code scope: BENEFICIARY | FAMILY}; an optical ceiling per
 * family is common).
 */
public record ActFamilyCeiling(BigDecimal amount, Scope scope) {

    public enum Scope { BENEFICIARY, FAMILY }
}
