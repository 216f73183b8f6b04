package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/** Read model of a member card: TO_ISSUE, ISSUED, TO_REVOKE, REVOKED. */
@Entity
@Immutable
public class MemberCard {

    @Id
    private UUID id;
    private UUID memberId;
    private String cardNumber;
    private LocalDate validFrom;
    private LocalDate validTo;
    private String status;
    private String reason;

    protected MemberCard() {
    }

    public UUID getId() { return id; }
    public UUID getMemberId() { return memberId; }
    public String getCardNumber() { return cardNumber; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public String getStatus() { return status; }
    public String getReason() { return reason; }
}
