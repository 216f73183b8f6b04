package com.groupcare.hub.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Amounts in a contract's currency, exact, with that currency's minor unit from ISO 4217
 * (TND 3 decimals, MAD and EUR 2, XOF 0). Lines are rounded half-up; totals add rounded lines.
 */
public final class Money {

    private Money() {
    }

    public static int minorUnits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException(currency + " has no minor unit");
        }
        return digits;
    }

    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    public static BigDecimal zero(String currency) {
        return BigDecimal.ZERO.setScale(minorUnits(currency));
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
