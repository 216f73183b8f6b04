package com.groupcare.hub.common;

/** Camel header names used across routes, in one place. */
public final class HubHeaders {

    public static final String EXCHANGE_ID = "GroupCareExchangeId";
    public static final String INTAKE_OUTCOME = "GroupCareIntakeOutcome";
    public static final String CHUNK_COUNT = "GroupCareChunkCount";

    /** MDC keys: the file's exchange id and line number, never a name or national id. */
    public static final String MDC_EXCHANGE_ID = "groupcare.exchangeId";
    public static final String MDC_LINE = "groupcare.line";

    private HubHeaders() {
    }
}
