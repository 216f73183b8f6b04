package com.groupcare.hub.console;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.exchange.FileFeed;
import com.groupcare.hub.exchange.FileFeeds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per flow, whatever flows are registered (every inbound feed of the file pipeline, and every
 * outbound flow that has sent a file): files today and this week by status, lines accepted and
 * rejected, the last file, its throughput, and whether the expected file is late. Two queries,
 * whatever the number of exchanges (the week's range and one index look-up per flow).
 */
@Component
public class FlowOverview {

    private final JdbcTemplate jdbc;
    private final FileFeeds feeds;
    private final ExpectedFiles expected;

    FlowOverview(JdbcTemplate jdbc, FileFeeds feeds, ExpectedFiles expected) {
        this.jdbc = jdbc;
        this.feeds = feeds;
        this.expected = expected;
    }

    /** Files of a period by status: received (waiting), processing, done, held, failed (or rejected), duplicate. */
    public record Counts(long received, long processing, long done, long held, long failed, long duplicate) {

        public long total() {
            return received + processing + done + held + failed + duplicate;
        }
    }

    public record Row(String flow, String partner, String direction, Counts today, Counts week, long linesAccepted,
                      long linesRejected, String lastFile, Long lastFileId, String lastStatus, Instant lastReceived,
                      Double linesPerSecond, String schedule, Instant due, boolean late) {
    }

    public List<Row> rows(Collection<String> visibleFlows) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(zone);
        Instant dayStart = today.atStartOfDay(zone).toInstant();
        Instant weekStart = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
        Map<String, String[]> flows = new LinkedHashMap<>();
        feeds.all().stream().sorted(java.util.Comparator.comparing(FileFeed::flow))
                .forEach(feed -> flows.put(feed.flow(), new String[] {feed.partner(), "IN"}));
        jdbc.query("select flow, min(partner) from exchange where direction = 'OUT' group by flow order by flow",
                rs -> {
                    flows.putIfAbsent(rs.getString(1), new String[] {rs.getString(2), "OUT"});
                });
        flows.keySet().retainAll(visibleFlows == null ? flows.keySet() : visibleFlows);
        Map<String, long[]> counts = counts(dayStart, weekStart);
        Map<String, Map<String, Object>> last = lastFiles(flows.keySet());
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, String[]> flow : flows.entrySet()) {
            long[] c = counts.getOrDefault(flow.getKey(), new long[14]);
            Map<String, Object> l = last.get(flow.getKey());
            Instant lastReceived = l == null ? null : ((Timestamp) l.get("received_at")).toInstant();
            var due = expected.due(flow.getKey());
            rows.add(new Row(flow.getKey(), flow.getValue()[0], flow.getValue()[1],
                    new Counts(c[0], c[1], c[2], c[3], c[4], c[5]), new Counts(c[6], c[7], c[8], c[9], c[10], c[11]), c[12], c[13],
                    l == null ? null : (String) l.get("file_name"), l == null ? null : ((Number) l.get("id")).longValue(),
                    l == null ? null : (String) l.get("status"), lastReceived, l == null || flow.getValue()[1].equals("OUT") ? null : throughput(l),
                    due.map(ExpectedFiles.Due::description).orElse(null), due.map(ExpectedFiles.Due::due).orElse(null),
                    due.map(d -> d.lateWith(lastReceived)).orElse(false)));
        }
        return rows;
    }

    private Map<String, long[]> counts(Instant dayStart, Instant weekStart) {
        Map<String, long[]> counts = new HashMap<>();
        jdbc.query("""
                select flow, %s, coalesce(sum(accepted_count), 0), coalesce(sum(rejected_count), 0)
                from exchange where received_at >= ? group by flow""".formatted(String.join(", ", buckets())), rs -> {
                    long[] c = new long[14];
                    for (int i = 0; i < 14; i++) {
                        c[i] = rs.getLong(i + 2);
                    }
                    counts.put(rs.getString(1), c);
                }, Timestamp.from(dayStart), Timestamp.from(dayStart), Timestamp.from(dayStart), Timestamp.from(dayStart),
                Timestamp.from(dayStart), Timestamp.from(dayStart), Timestamp.from(weekStart));
        return counts;
    }

    /** The count columns: six statuses today (received_at >= the first parameters), then the same for the week. */
    private static List<String> buckets() {
        String[] statuses = {"'RECEIVED'", "'PROCESSING'", "'DONE', 'DONE_WITH_ERRORS'", "'HELD'", "'FAILED', 'REJECTED'", "'DUPLICATE'"};
        List<String> columns = new ArrayList<>();
        for (String s : statuses) {
            columns.add("count(*) filter (where received_at >= ? and status in (" + s + "))");
        }
        for (String s : statuses) {
            columns.add("count(*) filter (where status in (" + s + "))");
        }
        return columns;
    }

    private Map<String, Map<String, Object>> lastFiles(Collection<String> flows) {
        Map<String, Map<String, Object>> last = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    select f.flow, e.id, e.file_name, e.status, e.received_at, e.completed_at, e.total_count
                    from unnest(?::varchar[]) as f(flow)
                    cross join lateral (select * from exchange x where x.flow = f.flow order by x.received_at desc limit 1) e""");
            ps.setArray(1, con.createArrayOf("varchar", flows.toArray()));
            return ps;
        }, rs -> {
            Map<String, Object> row = new HashMap<>();
            row.put("id", rs.getLong("id"));
            row.put("file_name", rs.getString("file_name"));
            row.put("status", rs.getString("status"));
            row.put("received_at", rs.getTimestamp("received_at"));
            row.put("completed_at", rs.getTimestamp("completed_at"));
            row.put("total_count", rs.getInt("total_count"));
            last.put(rs.getString("flow"), row);
        });
        return last;
    }

    /** Lines per second of a completed inbound file, from its arrival to its completion. */
    private static Double throughput(Map<String, Object> file) {
        Timestamp completed = (Timestamp) file.get("completed_at");
        int lines = (Integer) file.get("total_count");
        String status = (String) file.get("status");
        if (completed == null || lines == 0 || !(status.equals("DONE") || status.equals("DONE_WITH_ERRORS"))) {
            return null;
        }
        long millis = Math.max(1, completed.getTime() - ((Timestamp) file.get("received_at")).getTime());
        return lines * 1000.0 / millis;
    }
}
