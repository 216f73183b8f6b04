package com.groupcare.hub.contract;

import java.math.BigDecimal;

/**
 * One line of a benefit schedule (barème): how an act is reimbursed. Null means "no such limit".
 *
 * @param rate             share of the base paid, e.g. 0.80
 * @param referenceTariff  per unit; the base is tariff x quantity when that is lower than the amount charged
 * @param perActCap        most paid for one claim line
 * @param periodicityMonths once per N months per beneficiary (glasses every 24 months)
 * @param waitingMonths    months from the beneficiary's cover start before the act is covered
 * @param maxCountPerYear  most lines of this act per beneficiary and contract year
 */
public record BenefitRule(String actCode, String label, String actFamily, BigDecimal rate, BigDecimal referenceTariff,
                          BigDecimal perActCap, Integer periodicityMonths, Integer waitingMonths,
                          Integer minAge, Integer maxAge, boolean priorApprovalRequired, Integer maxCountPerYear) {
}
