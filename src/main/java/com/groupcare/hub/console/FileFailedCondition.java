package com.groupcare.hub.console;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code file-failed}: an inbound file FAILED within {@code file-failed.within}. The window is what
 * ends the alert of a file refused whole, which stays FAILED for good; a replayed file clears at once.
 * The failure reason stays on the exchange page: the alert only names the file.
 */
@Component
class FileFailedCondition implements AlertCondition {

    static final String RULE = "file-failed";
    private static final int MAX = 1000;

    private final JdbcTemplate jdbc;
    private final AlertSettings.FileFailed settings;

    FileFailedCondition(JdbcTemplate jdbc, AlertSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings.fileFailed();
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Firing> firing() {
        if (!settings.enabled()) {
            return List.of();
        }
        return jdbc.query("""
                select id, flow, file_name, retry_at is not null as retrying from exchange
                where direction = 'IN' and status = 'FAILED' and updated_at >= now() - make_interval(secs => ?) order by id limit ?""",
                (rs, row) -> new Firing(Long.toString(rs.getLong("id")), ExchangeFiles.describe(rs.getString("flow"),
                        rs.getString("file_name")) + (rs.getBoolean("retrying") ? " failed, the hub retries it" : " failed")),
                (double) settings.within().toSeconds(), MAX);
    }
}
