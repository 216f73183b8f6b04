package com.groupcare.hub.exchange;

/**
 * RECEIVED: stored, waiting for its turn or its split. PROCESSING: chunks being applied.
 * HELD: stopped before its completion step until a person releases or rejects it.
 * REJECTED: a held file a person refused. FAILED: refused as a whole, or a chunk the broker gave
 * up on (replayable once the cause is fixed).
 */
public enum ExchangeStatus {
    RECEIVED, PROCESSING, HELD, DONE, DONE_WITH_ERRORS, DUPLICATE, REJECTED, FAILED;

    public boolean finished() {
        return this == DONE || this == DONE_WITH_ERRORS || this == DUPLICATE || this == REJECTED;
    }
}
