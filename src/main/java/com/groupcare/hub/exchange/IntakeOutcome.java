package com.groupcare.hub.exchange;

/** What the hub does with a file it has just received. */
public enum IntakeOutcome {
    /** first time this content is seen: process it */
    NEW,
    /** seen before but never finished (crash, failure): process it again, applied chunks are skipped */
    RESUME,
    /** already processed: recorded as a duplicate exchange, nothing else happens */
    DUPLICATE,
    /** refused as a whole (name, header, empty, cut short, dated too early): recorded FAILED, nothing applied */
    REFUSED;

    /** Where the partner's file goes on its server once the hub has it (relative to the inbox). */
    public String archiveFolder(java.time.LocalDate today) {
        return this == REFUSED ? ".failed" : ".done/" + today.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
    }
}
