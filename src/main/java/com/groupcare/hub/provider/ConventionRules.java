package com.groupcare.hub.provider;

import java.time.LocalDate;

/** When a convention (tiers payant agreement) is in force; shared by the entity and the search. */
final class ConventionRules {

    private ConventionRules() {
    }

    static boolean inForce(boolean conventioned, LocalDate start, LocalDate end, LocalDate day) {
        return conventioned && start != null && day != null
                && !day.isBefore(start) && (end == null || !day.isAfter(end));
    }
}
