package com.groupcare.hub.console;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files (exchanges) by partner, flow, name, date range and status, newest first, a page at a
 * time: one indexed range scan whatever the size of the table.
 */
@Component
public class FileSearch {

    static final int PAGE_SIZE = 50;

    private final JdbcTemplate jdbc;

    FileSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the integrator asks; any field may be empty. */
    public record Criteria(String partner, String flow, String name, LocalDate from, LocalDate to, String status) {
    }

    public record FileRow(long id, String partner, String flow, String direction, String fileName, String status,
                          Timestamp receivedAt, Timestamp completedAt, int totalCount, int acceptedCount, int rejectedCount) {
    }

    public record Page(List<FileRow> files, int page, boolean hasNext) {
    }

    /** A page of files; {@code flows} restricts to those flows (the desk's), null: every flow. */
    public Page search(Criteria c, int page, Collection<String> flows) {
        StringBuilder sql = new StringBuilder("""
                select id, partner, flow, direction, file_name, status, received_at, completed_at, total_count,
                       accepted_count, rejected_count from exchange where true""");
        List<Object> args = new ArrayList<>();
        if (notBlank(c.partner())) {
            sql.append(" and partner = ?");
            args.add(c.partner());
        }
        if (notBlank(c.flow())) {
            sql.append(" and flow = ?");
            args.add(c.flow());
        }
        if (notBlank(c.name())) {
            sql.append(" and file_name ilike ? escape '!'");
            args.add("%" + c.name().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (notBlank(c.status())) {
            sql.append(" and status = ?");
            args.add(c.status());
        }
        ZoneId zone = ZoneId.systemDefault();
        if (c.from() != null) {
            sql.append(" and received_at >= ?");
            args.add(Timestamp.from(c.from().atStartOfDay(zone).toInstant()));
        }
        if (c.to() != null) {
            sql.append(" and received_at < ?");
            args.add(Timestamp.from(c.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (flows != null) {
            sql.append(" and flow = any(?)");
            args.add(flows.toArray(String[]::new));
        }
        sql.append(" order by received_at desc, id desc limit ? offset ?");
        args.add(PAGE_SIZE + 1);
        args.add(Math.max(0, page) * PAGE_SIZE);
        List<FileRow> rows = jdbc.query(sql.toString(), (rs, i) -> new FileRow(rs.getLong("id"), rs.getString("partner"),
                rs.getString("flow"), rs.getString("direction"), rs.getString("file_name"), rs.getString("status"),
                rs.getTimestamp("received_at"), rs.getTimestamp("completed_at"), rs.getInt("total_count"),
                rs.getInt("accepted_count"), rs.getInt("rejected_count")), args.toArray());
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, Math.max(0, page), hasNext);
    }

    /** The partners and flows that have files, for the search form's choices. */
    public Map<String, List<String>> choices() {
        return Map.of("partners", jdbc.queryForList("select distinct partner from exchange order by 1", String.class));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
