package com.groupcare.hub.console;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.groupcare.hub.common.PersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A file's page: the exchange, its stages in time (received and stored, split, chunks applied n of N,
 * failures, a person's actions, completed, the outbound files it led to), its rejected lines, and
 * the actions its state allows. Long digit runs in messages are masked (a national id or an account
 * must never reach a screen through an error text).
 */
@Component
public class FileTimeline {

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{8,}");
    private static final int CHUNKS_LISTED = 20;

    private final JdbcTemplate jdbc;
    private final ConsoleSettings settings;

    FileTimeline(JdbcTemplate jdbc, ConsoleSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public record Stage(Timestamp at, String stage, String detail, String actor, Long link) {
    }

    public record RejectedLine(int lineNo, String code, String message) {
    }

    public record FileView(Map<String, Object> exchange, List<Stage> stages, List<RejectedLine> rejected, int rejectedShown,
                           boolean canReplay, boolean canRelease, boolean canResend) {
    }

    public Optional<FileView> of(long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from exchange where id = ?", id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> e = rows.get(0);
        e.put("failure_reason", mask((String) e.get("failure_reason")));
        e.put("hold_reason", mask((String) e.get("hold_reason")));
        List<Stage> stages = new ArrayList<>();
        boolean inbound = "IN".equals(e.get("direction"));
        stages.add(new Stage((Timestamp) e.get("received_at"), inbound ? "RECEIVED" : "WRITTEN",
                e.get("size_bytes") + " bytes, SHA-256 " + ((String) e.get("sha256")).substring(0, 12) + "…", null, null));
        if (e.get("split_at") != null) {
            stages.add(new Stage((Timestamp) e.get("split_at"), "SPLIT", e.get("chunks_expected") + " chunks", null, null));
        }
        chunks(id, e, stages);
        jdbc.query("select chunk_no, first_line, last_line, attempts, last_error, failed_at from exchange_chunk_failure "
                + "where exchange_id = ? order by failed_at", rs -> {
                    stages.add(new Stage(rs.getTimestamp("failed_at"), "CHUNK FAILED", "chunk " + rs.getInt("chunk_no") + " (lines "
                            + rs.getInt("first_line") + "-" + rs.getInt("last_line") + "), " + rs.getInt("attempts") + " attempts: "
                            + mask(rs.getString("last_error")), null, null));
                }, id);
        jdbc.query("select action, actor, at, after_state ->> 'reason' as reason from audit_entry where entity_type = 'exchange' "
                + "and entity_id = ? order by at", rs -> {
                    stages.add(new Stage(rs.getTimestamp("at"), rs.getString("action"), mask(rs.getString("reason")), rs.getString("actor"), null));
                }, Long.toString(id));
        String status = (String) e.get("status");
        if ("HELD".equals(status)) {
            stages.add(new Stage((Timestamp) e.get("updated_at"), "HELD", (String) e.get("hold_reason"), null, null));
        }
        if (e.get("completed_at") != null && inbound) {
            stages.add(new Stage((Timestamp) e.get("completed_at"), status, (String) e.get("failure_reason"), null, null));
        }
        jdbc.query("select id, file_name, completed_at from exchange where source_exchange_id = ? order by id", rs -> {
            stages.add(new Stage(rs.getTimestamp("completed_at"), "OUTBOUND WRITTEN", rs.getString("file_name"), null, rs.getLong("id")));
        }, id);
        stages.sort(Comparator.comparing(Stage::at, Comparator.nullsLast(Comparator.naturalOrder())));
        List<RejectedLine> rejected = jdbc.query("select line_no, code, message from exchange_error where exchange_id = ? "
                + "order by line_no limit 500", (rs, i) -> new RejectedLine(rs.getInt(1), rs.getString(2), mask(rs.getString(3))), id);
        boolean canReplay = inbound && "FAILED".equals(status) && Boolean.TRUE.equals(e.get("replayable"));
        return Optional.of(new FileView(e, stages, rejected, rejected.size(), canReplay, "HELD".equals(status),
                !inbound && e.get("stored_path") != null && settings.resendableFlows().contains((String) e.get("flow"))));
    }

    /** The chunks applied: how many of how many, and the first ones with their line ranges. */
    private void chunks(long id, Map<String, Object> e, List<Stage> stages) {
        int done = jdbc.queryForObject("select count(*) from exchange_chunk where exchange_id = ?", Integer.class, id);
        if (done == 0) {
            return;
        }
        Object expected = e.get("chunks_expected");
        jdbc.query("select chunk_no, first_line, last_line, processed_at from exchange_chunk where exchange_id = ? "
                + "order by processed_at, chunk_no limit " + CHUNKS_LISTED, rs -> {
                    stages.add(new Stage(rs.getTimestamp("processed_at"), "CHUNK APPLIED", "chunk " + rs.getInt("chunk_no")
                            + (rs.getObject("first_line") == null ? "" : " (lines " + rs.getInt("first_line") + "-" + rs.getInt("last_line") + ")"),
                            null, null));
                }, id);
        Timestamp last = jdbc.queryForObject("select max(processed_at) from exchange_chunk where exchange_id = ?", Timestamp.class, id);
        stages.add(new Stage(last, "CHUNKS", done + " of " + (expected == null ? "?" : expected) + " applied"
                + (done > CHUNKS_LISTED ? " (the first " + CHUNKS_LISTED + " listed)" : ""), null, null));
    }

    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = LONG_NUMBER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(PersonalData.mask(m.group())));
        }
        return m.appendTail(sb).toString();
    }
}
