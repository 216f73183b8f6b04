package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

final class BeneficiaryState {

    UUID id;
    UUID memberId;
    int rank;
    Relationship relationship;
    String lastName;
    String firstName;
    LocalDate birthDate;
    String gender;
    String nationalId;
    boolean student;
    boolean disabled;
    LocalDate coverStart;
    LocalDate coverEnd;
    String status;

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", rank);
        m.put("relationship", relationship);
        m.put("lastName", lastName);
        m.put("firstName", firstName);
        m.put("birthDate", birthDate);
        m.put("gender", gender);
        m.put("nationalId", nationalId);
        m.put("student", student);
        m.put("disabled", disabled);
        m.put("coverStart", coverStart);
        m.put("coverEnd", coverEnd);
        m.put("status", status);
        return m;
    }
}
