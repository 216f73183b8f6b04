package com.groupcare.hub.provider;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/**
 * Read model of a provider (prestataire); imports and the API write through {@link ProviderStore}.
 * Claims and allocation ask {@link #conventionedOn} whether tiers payant applies on a day of care.
 */
@Entity
@Immutable
public class Provider {

    public enum Status { ACTIVE, INACTIVE }

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private Specialty specialty;
    private boolean conventioned;
    private LocalDate conventionStart;
    private LocalDate conventionEnd;
    private String bankAccount;
    private String phone;
    private String email;
    private String city;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant updatedAt;

    protected Provider() {
    }

    /** The convention rule without the entity (a convention from start to end, none = still running), for bulk readers. */
    public static boolean conventionInForce(LocalDate start, LocalDate end, LocalDate day) {
        return ConventionRules.inForce(true, start, end, day);
    }

    /** Conventioned and the day within the convention: start and end included, no end = still running. */
    public boolean conventionedOn(LocalDate day) {
        return ConventionRules.inForce(conventioned, conventionStart, conventionEnd, day);
    }

    public String getCode() { return code; }
    public String getName() { return name; }
    public Specialty getSpecialty() { return specialty; }
    public boolean isConventioned() { return conventioned; }
    public LocalDate getConventionStart() { return conventionStart; }
    public LocalDate getConventionEnd() { return conventionEnd; }
    public String getBankAccount() { return bankAccount; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getCity() { return city; }
    public Status getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
