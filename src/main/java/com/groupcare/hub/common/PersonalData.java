package com.groupcare.hub.common;

/** Masks personal data (national ids, bank accounts, names) before it reaches a log or an API error. */
public final class PersonalData {

    private PersonalData() {
    }

    /** Keeps the first and last two characters of long values, one of short ones; stars the rest. */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        int n = value.length();
        if (n <= 4) {
            return value.charAt(0) + "*".repeat(n - 1);
        }
        return value.substring(0, 2) + "*".repeat(n - 4) + value.substring(n - 2);
    }
}
