package com.groupcare.hub.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code expected-file-late}: a flow with a schedule (hub.console.expected-files) whose file has not
 * come since the due time before the last one; it clears when a file of the flow comes in.
 */
@Component
class ExpectedFileLateCondition implements AlertCondition {

    static final String RULE = "expected-file-late";

    private final JdbcTemplate jdbc;
    private final ExpectedFiles expected;
    private final ConsoleFormat format;

    ExpectedFileLateCondition(JdbcTemplate jdbc, ExpectedFiles expected, ConsoleFormat format) {
        this.jdbc = jdbc;
        this.expected = expected;
        this.format = format;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Firing> firing() {
        List<Firing> late = new ArrayList<>();
        for (String flow : expected.scheduledFlows()) {
            expected.due(flow).ifPresent(due -> {
                Timestamp last = jdbc.queryForObject("select max(received_at) from exchange where flow = ? and direction = 'IN'",
                        Timestamp.class, flow);
                Instant lastReceived = last == null ? null : last.toInstant();
                if (due.lateWith(lastReceived)) {
                    late.add(new Firing(flow, "no " + flow + " file since " + format.time(due.windowStart()) + " (" + due.description()
                            + ", due " + format.time(due.due()) + ")"));
                }
            });
        }
        return late;
    }
}
