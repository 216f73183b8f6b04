package com.groupcare.hub.common;

import java.time.Instant;
import java.util.Map;

/** One audited change: who (a user or "file:<exchange id>"), when, what, before and after. */
public record Audit(String entityType, String entityId, String action, String actor, Instant at,
                    Map<String, Object> before, Map<String, Object> after) {

    public static String fileActor(long exchangeId) {
        return "file:" + exchangeId;
    }
}
