package com.groupcare.hub.console;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code file-held}: an inbound file waits for a person to release or reject it. */
@Component
class FileHeldCondition implements AlertCondition {

    static final String RULE = "file-held";

    private final JdbcTemplate jdbc;
    private final AlertSettings.Switch settings;

    FileHeldCondition(JdbcTemplate jdbc, AlertSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings.fileHeld();
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
        return jdbc.query("select id, flow, file_name from exchange where direction = 'IN' and status = 'HELD' order by id limit 1000",
                (rs, row) -> new Firing(Long.toString(rs.getLong("id")),
                        ExchangeFiles.describe(rs.getString("flow"), rs.getString("file_name")) + " held for a person's decision"));
    }
}
