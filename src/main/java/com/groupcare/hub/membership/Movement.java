package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.UUID;

/** An avenant for the insurer: a beneficiary incorporated, withdrawn, or a member's data modified. */
record Movement(UUID id, UUID memberId, UUID beneficiaryId, String type, LocalDate effectiveDate,
                Integer lineNo, String detail) {

    static final String INCORPORATION = "INCORPORATION";
    static final String RETRAIT = "RETRAIT";
    static final String MODIFICATION = "MODIFICATION";
}
