package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A member and their family as the sync sees them: loaded, changed in memory, written in batches. */
final class MemberState {

    UUID id;
    String matricule;
    String nationalId;
    String lastName;
    String firstName;
    LocalDate birthDate;
    String gender;
    LocalDate hireDate;
    LocalDate leaveDate;
    String unitCode;
    String bankAccount;
    String phone;
    String email;
    String status;
    final List<BeneficiaryState> beneficiaries = new ArrayList<>();
    final List<CardState> cards = new ArrayList<>();

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    BeneficiaryState beneficiary(int rank) {
        return beneficiaries.stream().filter(b -> b.rank == rank).findFirst().orElse(null);
    }

    /** The fields HR owns, for comparison and for the audit trail. */
    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("matricule", matricule);
        m.put("nationalId", nationalId);
        m.put("lastName", lastName);
        m.put("firstName", firstName);
        m.put("birthDate", birthDate);
        m.put("gender", gender);
        m.put("hireDate", hireDate);
        m.put("leaveDate", leaveDate);
        m.put("unitCode", unitCode);
        m.put("bankAccount", bankAccount);
        m.put("phone", phone);
        m.put("email", email);
        m.put("status", status);
        return m;
    }
}
