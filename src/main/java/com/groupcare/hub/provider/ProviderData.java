package com.groupcare.hub.provider;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A provider's fields as a line or a request gives them (and as the store keeps them), compared as a whole. */
record ProviderData(String code, String name, Specialty specialty, boolean conventioned, LocalDate conventionStart,
                    LocalDate conventionEnd, String bankAccount, String phone, String email, String city,
                    Provider.Status status) {

    ProviderData withStatus(Provider.Status newStatus) {
        return new ProviderData(code, name, specialty, conventioned, conventionStart, conventionEnd, bankAccount,
                phone, email, city, newStatus);
    }

    /** Before/after state for the audit trail. */
    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("name", name);
        m.put("specialty", specialty.name());
        m.put("conventioned", conventioned);
        m.put("conventionStart", conventionStart);
        m.put("conventionEnd", conventionEnd);
        m.put("bankAccount", bankAccount);
        m.put("phone", phone);
        m.put("email", email);
        m.put("city", city);
        m.put("status", status.name());
        return m;
    }
}
