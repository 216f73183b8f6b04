package com.groupcare.hub.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code console_alert} table, the engine's whole state: it survives restarts. Opening and ending
 * are conditional statements, so two evaluations (or two hubs) never raise or clear the same alert twice.
 */
@Component
class AlertStore {

    static final int SUBJECT_MAX = 200;
    static final int MESSAGE_MAX = 500;
    private static final String COLUMNS = "id, rule, subject, message, started_at, ended_at, last_seen_at";

    private final JdbcTemplate jdbc;

    AlertStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<AlertView> active() {
        return jdbc.query("select " + COLUMNS + " from console_alert where ended_at is null order by started_at desc, id desc",
                AlertStore::view);
    }

    List<AlertView> recent(int limit) {
        return jdbc.query("select " + COLUMNS + " from console_alert order by started_at desc, id desc limit ?",
                AlertStore::view, Math.min(Math.max(limit, 1), 1000));
    }

    /** The new alert, or empty when it was already active (raised meanwhile by another evaluation). */
    Optional<AlertView> open(String rule, Firing firing, Instant now) {
        return jdbc.query("insert into console_alert (rule, subject, message, started_at, last_seen_at) values (?, ?, ?, ?, ?)"
                        + " on conflict (rule, subject) where ended_at is null do nothing returning " + COLUMNS,
                AlertStore::view, rule, cut(firing.subject(), SUBJECT_MAX), cut(firing.message(), MESSAGE_MAX), at(now), at(now))
                .stream().findFirst();
    }

    /** The ended alert, or empty when it had already ended. */
    Optional<AlertView> end(long id, Instant now) {
        return jdbc.query("update console_alert set ended_at = ? where id = ? and ended_at is null returning " + COLUMNS,
                AlertStore::view, at(now), id).stream().findFirst();
    }

    /** Still firing: the message follows the condition (a queue's depth changes). */
    void seen(Map<Long, String> messages, Instant now) {
        jdbc.batchUpdate("update console_alert set last_seen_at = ?, message = ? where id = ? and ended_at is null",
                messages.entrySet().stream().map(e -> new Object[] {at(now), cut(e.getValue(), MESSAGE_MAX), e.getKey()}).toList());
    }

    Map<String, Integer> activeByRule() {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("select rule, count(*) from console_alert where ended_at is null group by rule",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    int forgetEndedBefore(Instant before) {
        return jdbc.update("delete from console_alert where ended_at < ?", at(before));
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static AlertView view(ResultSet rs, int row) throws SQLException {
        return new AlertView(rs.getLong("id"), rs.getString("rule"), rs.getString("subject"), rs.getString("message"),
                instant(rs, "started_at"), instant(rs, "ended_at"), instant(rs, "last_seen_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
