package com.groupcare.hub.common;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes audit entries in batches, in the caller's transaction. */
@Component
public class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcTemplate jdbc;

    public AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(List<Audit> entries) {
        if (entries.isEmpty()) {
            return;
        }
        PgCopy.insert(jdbc, "audit_entry", "entity_type, entity_id, action, actor, at, before_state, after_state",
                entries, a -> new Object[] {a.entityType(), a.entityId(), a.action(), a.actor(), a.at(),
                        toJson(a.before()), toJson(a.after())});
    }

    static String toJson(Map<String, Object> state) {
        if (state == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state is not serialisable", e);
        }
    }
}
