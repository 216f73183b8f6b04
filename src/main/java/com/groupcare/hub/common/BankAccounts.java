package com.groupcare.hub.common;

import java.math.BigInteger;

/** Bank account checks: Tunisian 20-digit RIB (key mod 97) and IBAN (ISO 13616 mod 97). */
public final class BankAccounts {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private BankAccounts() {
    }

    public static boolean isValid(String account) {
        if (account == null) {
            return false;
        }
        String compact = account.replace(" ", "").toUpperCase();
        if (compact.matches("\\d{20}")) {
            return ribKey(compact.substring(0, 18)).equals(compact.substring(18));
        }
        return isValidIban(compact);
    }

    /** RIB key: 97 - ((bank + branch + account) x 100 mod 97), on two digits. */
    public static String ribKey(String first18Digits) {
        int key = 97 - new BigInteger(first18Digits).multiply(BigInteger.valueOf(100)).mod(NINETY_SEVEN).intValue();
        return String.format("%02d", key);
    }

    static boolean isValidIban(String iban) {
        if (!iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
