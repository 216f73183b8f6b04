package com.groupcare.hub.provider;

import java.util.Map;
import java.util.regex.Pattern;

import com.groupcare.hub.common.BankAccounts;

/**
 * The rules every provider obeys, whether it comes from a CSV line or the API. Messages name the
 * field (in the caller's words: CSV column or JSON property), never the value.
 */
final class ProviderRules {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 .-]{6,28}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    // the column sizes of the provider table: longer values are refused here, not by the database
    private static final Map<String, Integer> MAX_LENGTH = Map.of("name", 200, "phone", 30, "email", 200, "city", 100);

    private final Map<String, String> labels;

    /** @param labels field name -> the name to use in messages; a field missing from the map keeps its own name */
    ProviderRules(Map<String, String> labels) {
        this.labels = labels;
    }

    void checkCode(String code) {
        if (code == null || code.isEmpty()) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD, label("code") + " is required");
        }
        if (!CODE.matcher(code).matches()) {
            throw new InvalidProvider(ProviderRejection.INVALID_CODE,
                    label("code") + " must be 1 to 20 capital letters, digits or '-', starting with a letter or digit");
        }
    }

    void check(ProviderData p) {
        checkCode(p.code());
        if (p.name() == null) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD, label("name") + " is required");
        }
        if (p.specialty() == null) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD, label("specialty") + " is required");
        }
        checkLength("name", p.name());
        checkLength("phone", p.phone());
        checkLength("email", p.email());
        checkLength("city", p.city());
        checkConvention(p);
        if (p.bankAccount() != null && !BankAccounts.isValid(p.bankAccount())) {
            throw new InvalidProvider(ProviderRejection.INVALID_BANK_ACCOUNT,
                    label("bankAccount") + " is not a valid RIB or IBAN (length or key)");
        }
        if (p.phone() != null && !PHONE.matcher(p.phone()).matches()) {
            throw new InvalidProvider(ProviderRejection.INVALID_CONTACT, label("phone") + " is not a phone number");
        }
        if (p.email() != null && !EMAIL.matcher(p.email()).matches()) {
            throw new InvalidProvider(ProviderRejection.INVALID_CONTACT, label("email") + " is not an e-mail address");
        }
    }

    private void checkConvention(ProviderData p) {
        if (p.conventioned() && p.conventionStart() == null) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD,
                    label("conventionStart") + " is required for a conventioned provider");
        }
        if (p.conventionEnd() != null && p.conventionStart() == null) {
            throw new InvalidProvider(ProviderRejection.INVALID_DATE,
                    label("conventionEnd") + " is given without " + label("conventionStart"));
        }
        if (p.conventionEnd() != null && p.conventionEnd().isBefore(p.conventionStart())) {
            throw new InvalidProvider(ProviderRejection.INVALID_DATE,
                    label("conventionEnd") + " is before " + label("conventionStart"));
        }
        // tiers payant means the hub pays the provider by transfer: no account, no payment
        if (p.conventioned() && p.bankAccount() == null) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD,
                    label("bankAccount") + " is required for a conventioned provider");
        }
    }

    private void checkLength(String field, String value) {
        if (value != null && value.length() > MAX_LENGTH.get(field)) {
            throw new InvalidProvider(ProviderRejection.FIELD_TOO_LONG,
                    label(field) + " is longer than " + MAX_LENGTH.get(field) + " characters");
        }
    }

    private String label(String field) {
        return labels.getOrDefault(field, field);
    }

    /** Blank means absent; bank accounts are kept without spaces, in capitals. */
    static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String cleanAccount(String value) {
        String v = clean(value);
        return v == null ? null : v.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
