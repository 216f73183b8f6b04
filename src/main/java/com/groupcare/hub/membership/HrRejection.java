package com.groupcare.hub.membership;

/** Closed list of reasons an HR line is rejected (documented in docs/formats/hr-export.md). */
public enum HrRejection {
    WRONG_COLUMN_COUNT,
    LINE_TOO_LONG,
    CONTROL_CHARACTER,
    FIELD_TOO_LONG,
    BAD_ENCODING,
    MISSING_MATRICULE,
    MISSING_FIELD,
    INVALID_CODE,
    INVALID_DATE,
    UNKNOWN_UNIT,
    DUPLICATE_MATRICULE,
    INVALID_NATIONAL_ID,
    INVALID_BANK_ACCOUNT,
    UNKNOWN_MEMBER,
    INVALID_ACTION
}
