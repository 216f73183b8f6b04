package com.groupcare.hub.common;

import java.sql.Timestamp;
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
        jdbc.batchUpdate("""
                insert into audit_entry (entity_type, entity_id, action, actor, at, before_state, after_state)
                values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""",
                entries, 1000, (ps, a) -> {
                    ps.setString(1, a.entityType());
                    ps.setString(2, a.entityId());
                    ps.setString(3, a.action());
                    ps.setString(4, a.actor());
                    ps.setTimestamp(5, Timestamp.from(a.at()));
                    ps.setString(6, toJson(a.before()));
                    ps.setString(7, toJson(a.after()));
                });
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
