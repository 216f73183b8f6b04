package com.groupcare.hub.exchange;

/** What the hub does with a file it has just received. */
public enum IntakeOutcome {
    /** first time this content is seen: process it */
    NEW,
    /** seen before but never finished (crash, failure): process it again, applied chunks are skipped */
    RESUME,
    /** already processed: recorded as a duplicate exchange, nothing else happens */
    DUPLICATE
}
