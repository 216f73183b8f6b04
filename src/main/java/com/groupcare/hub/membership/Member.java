package com.groupcare.hub.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/** Read model of a member (adhérent) for the API; HR sync writes through {@link MembershipStore}. */
@Entity
@Immutable
public class Member {

    @Id
    private UUID id;
    private String matricule;
    private String nationalId;
    private String lastName;
    private String firstName;
    private LocalDate birthDate;
    private String gender;
    private LocalDate hireDate;
    private LocalDate leaveDate;
    private String unitCode;
    private String bankAccount;
    private String phone;
    private String email;
    private String status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Member() {
    }

    public UUID getId() { return id; }
    public String getMatricule() { return matricule; }
    public String getNationalId() { return nationalId; }
    public String getLastName() { return lastName; }
    public String getFirstName() { return firstName; }
    public LocalDate getBirthDate() { return birthDate; }
    public String getGender() { return gender; }
    public LocalDate getHireDate() { return hireDate; }
    public LocalDate getLeaveDate() { return leaveDate; }
    public String getUnitCode() { return unitCode; }
    public String getBankAccount() { return bankAccount; }
    public String getPhone() { return phone; }
    public String getEmail() { return email; }
    public String getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
