package com.groupcare.hub.membership;

import java.time.LocalDate;

/** One valid line of the HR export: the member (rank 0) or one dependant. */
public record HrRecord(int lineNo, String matricule, int rank, Relationship relationship,
                       String lastName, String firstName, LocalDate birthDate, String gender, String nationalId,
                       LocalDate hireDate, LocalDate leaveDate, String unitCode, String bankAccount,
                       String phone, String email, boolean student, boolean disabled, LocalDate coverStart,
                       HrAction action) {

    public boolean isMember() {
        return relationship == Relationship.MEMBER;
    }
}
