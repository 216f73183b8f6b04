package com.groupcare.hub.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code files} in /actuator/health: DOWN while a file has made no progress for
 * {@code hub.intake.stuck-after}, or dead letters wait on a queue, so a monitor notices without
 * anyone reading logs. Held files and failed files are listed in the details.
 */
@Component("filesHealthIndicator")
class PipelineHealth implements HealthIndicator {

    private static final int BROWSE_LIMIT = 100;

    private final JdbcTemplate jdbc;
    private final JmsTemplate jms;
    private final List<String> deadLetterQueues = new ArrayList<>();
    private final Duration stuckAfter;

    PipelineHealth(JdbcTemplate jdbc, JmsTemplate jms, FileFeeds feeds,
                   @Value("${hub.claims.transmittal-dead-letters}") String transmittalDeadLetters,
                   @Value("${hub.intake.stuck-after:30m}") Duration stuckAfter) {
        this.jdbc = jdbc;
        this.jms = jms;
        feeds.all().forEach(feed -> deadLetterQueues.add("DLQ." + feed.recordsQueue()));
        deadLetterQueues.add(transmittalDeadLetters);
        this.stuckAfter = stuckAfter;
    }

    @Override
    public Health health() {
        List<Map<String, Object>> stuck = jdbc.queryForList("""
                select e.id, e.flow, e.status, e.updated_at from exchange e where e.direction = 'IN'
                   and e.status in ('RECEIVED', 'PROCESSING') and e.updated_at < now() - make_interval(secs => ?)
                   -- a file waiting behind a HELD one waits for a person, it is not stuck
                   and not exists (select 1 from exchange h where h.flow = e.flow and h.status = 'HELD' and h.id <> e.id)
                order by e.id limit 20""", (double) stuckAfter.toSeconds());
        Map<String, Object> counts = jdbc.queryForMap("""
                select count(*) filter (where status = 'HELD') as held,
                       count(*) filter (where status = 'FAILED' and replayable) as failed,
                       count(*) filter (where status = 'FAILED' and retry_at is not null) as retrying
                from exchange where direction = 'IN'""");
        Map<String, Object> deadLetters = new LinkedHashMap<>();
        int waiting = 0;
        for (String queue : deadLetterQueues) {
            Integer depth = depth(queue);
            deadLetters.put(queue, depth == null ? "unknown" : depth);
            waiting += depth == null ? 0 : depth;
        }
        Health.Builder health = stuck.isEmpty() && waiting == 0 ? Health.up() : Health.down();
        if (!stuck.isEmpty()) {
            health.withDetail("stuck", stuck.stream().map(r -> "exchange " + r.get("id") + " (" + r.get("flow") + ") "
                    + r.get("status") + " without progress since " + r.get("updated_at")).toList());
        }
        return health.withDetail("deadLetters", deadLetters).withDetail("held", counts.get("held"))
                .withDetail("failed", counts.get("failed")).withDetail("retryingAfterOutage", counts.get("retrying"))
                .build();
    }

    private Integer depth(String queue) {
        try {
            return jms.browse(queue, (session, browser) -> {
                int n = 0;
                for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements() && n < BROWSE_LIMIT; e.nextElement()) {
                    n++;
                }
                return n;
            });
        } catch (RuntimeException e) {
            return null;
        }
    }
}
