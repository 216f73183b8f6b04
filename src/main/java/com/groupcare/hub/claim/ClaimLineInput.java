package com.groupcare.hub.claim;

import java.math.BigDecimal;

/** A line of a claim form: the act, how many, the amount charged, and whether a care voucher covers it. */
public record ClaimLineInput(String actCode, int quantity, BigDecimal amountCharged, boolean voucher) {
}
