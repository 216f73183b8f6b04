package com.groupcare.hub.membership;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a beneficiary's cover ends (last covered day, inclusive): children at the age limit
 * (longer for students, none for disabled children), everyone at the member's leave date.
 */
@Component
public class CoverRules {

    private final int childAgeLimit;
    private final int studentAgeLimit;

    public CoverRules(@Value("${hub.membership.child-age-limit:21}") int childAgeLimit,
                      @Value("${hub.membership.student-age-limit:26}") int studentAgeLimit) {
        this.childAgeLimit = childAgeLimit;
        this.studentAgeLimit = studentAgeLimit;
    }

    public LocalDate coverEnd(Relationship relationship, LocalDate birthDate, boolean student, boolean disabled,
                              LocalDate memberLeaveDate) {
        return earliest(ageLimitEnd(relationship, birthDate, student, disabled), memberLeaveDate);
    }

    /** The last day a child is covered by age (the day before the limit birthday); null when no age limit applies. */
    public LocalDate ageLimitEnd(Relationship relationship, LocalDate birthDate, boolean student, boolean disabled) {
        if (relationship != Relationship.CHILD || disabled) {
            return null;
        }
        return birthDate.plusYears(student ? studentAgeLimit : childAgeLimit).minusDays(1);
    }

    /** Rights are open on {@code day} when it lies between start and end, both included. */
    public static boolean covered(LocalDate start, LocalDate end, LocalDate day) {
        return !day.isBefore(start) && (end == null || !day.isAfter(end));
    }

    static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
