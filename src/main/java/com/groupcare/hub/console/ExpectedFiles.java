package com.groupcare.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.groupcare.hub.exchange.FileFeeds;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * When each flow's next file is due and whether it is late: a flow declares a schedule (a cron, e.g.
 * every working day at 07:00); its file is late when the last due time has passed and no file of the
 * flow came in since the due time before it. Checked at start-up: a schedule for a flow the hub does
 * not have, or a cron that does not parse, stops the hub with the reason.
 */
@Component
public class ExpectedFiles {

    private final Map<String, CronExpression> crons = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();
    private final Clock clock;

    ExpectedFiles(ConsoleSettings settings, FileFeeds feeds, Optional<Clock> clock) {
        this.clock = clock.orElse(Clock.systemDefaultZone());
        settings.expectedFiles().forEach((flow, schedule) -> {
            if (feeds.all().stream().noneMatch(f -> f.flow().equals(flow))) {
                throw new IllegalStateException("hub.console.expected-files." + flow + ": the hub has no inbound flow " + flow);
            }
            try {
                crons.put(flow, CronExpression.parse(schedule.cron()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("hub.console.expected-files." + flow + ".cron is not a cron: " + e.getMessage(), e);
            }
            descriptions.put(flow, schedule.description() == null ? schedule.cron() : schedule.description());
        });
    }

    /** A flow's schedule now: its wording, the last due time and the window it closed. */
    public record Due(String description, Instant due, Instant windowStart) {

        /** Late when nothing came in since the window opened, the last file being at {@code lastReceived} (or never). */
        public boolean lateWith(Instant lastReceived) {
            return lastReceived == null || !lastReceived.isAfter(windowStart);
        }
    }

    public Optional<Due> due(String flow) {
        CronExpression cron = crons.get(flow);
        if (cron == null) {
            return Optional.empty();
        }
        ZoneId zone = clock.getZone();
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime previous = null;
        LocalDateTime last = null;
        // the two latest fire times not after now: cron expressions only go forward, so walk from a little
        // while back, further only when needed (a schedule every minute must not cost a month of steps)
        for (java.time.Duration back : new java.time.Duration[] {java.time.Duration.ofHours(2), java.time.Duration.ofDays(4),
                java.time.Duration.ofDays(40)}) {
            previous = null;
            last = null;
            for (LocalDateTime t = cron.next(now.minus(back)); t != null && !t.isAfter(now); t = cron.next(t)) {
                previous = last;
                last = t;
            }
            if (previous != null) {
                break;
            }
        }
        if (previous == null) {
            return Optional.empty();
        }
        return Optional.of(new Due(descriptions.get(flow), last.atZone(zone).toInstant(), previous.atZone(zone).toInstant()));
    }

    public java.util.Set<String> scheduledFlows() {
        return crons.keySet();
    }
}
