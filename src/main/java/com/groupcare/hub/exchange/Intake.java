package com.groupcare.hub.exchange;

/** The exchange a received file belongs to, and what to do with it. */
public record Intake(long exchangeId, IntakeOutcome outcome, Long duplicateOf) {

    public boolean toProcess() {
        return outcome == IntakeOutcome.NEW || outcome == IntakeOutcome.RESUME;
    }

    public String archiveFolder() {
        return outcome.archiveFolder(java.time.LocalDate.now());
    }
}
