package com.groupcare.hub.provider;

/** Closed list of reasons a provider line or request is refused (documented in docs/formats/providers.md). */
public enum ProviderRejection {
    WRONG_COLUMN_COUNT,
    BAD_ENCODING,
    MISSING_FIELD,
    INVALID_CODE,
    INVALID_DATE,
    INVALID_BANK_ACCOUNT,
    INVALID_CONTACT,
    FIELD_TOO_LONG,
    DUPLICATE_CODE
}
