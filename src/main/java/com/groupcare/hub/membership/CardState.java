package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.UUID;

final class CardState {

    UUID id;
    String cardNumber;
    LocalDate validFrom;
    LocalDate validTo;
    String status;
    String reason;

    boolean isLive() {
        return "TO_ISSUE".equals(status) || "ISSUED".equals(status);
    }
}
