package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/** Read model of a beneficiary (ayant droit): the member (rank 0), spouses, children. */
@Entity
@Immutable
public class Beneficiary {

    @Id
    private UUID id;
    private UUID memberId;
    private int rank;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    private String lastName;
    private String firstName;
    private LocalDate birthDate;
    private String gender;
    private String nationalId;
    private boolean student;
    private boolean disabled;
    private LocalDate coverStart;
    private LocalDate coverEnd;
    private String status;

    protected Beneficiary() {
    }

    /** Rights are open on this day (cover start and end included). */
    public boolean coveredOn(LocalDate day) {
        return CoverRules.covered(coverStart, coverEnd, day);
    }

    public UUID getId() { return id; }
    public UUID getMemberId() { return memberId; }
    public int getRank() { return rank; }
    public Relationship getRelationship() { return relationship; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getGender() { return gender; }
    public String getNationalId() { return nationalId; }
    public boolean isStudent() { return student; }
    public boolean isDisabled() { return disabled; }
    public LocalDate getCoverStart() { return coverStart; }
    public LocalDate getCoverEnd() { return coverEnd; }
    public String getStatus() { return status; }
}
