package com.groupcare.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code queue-depth}: a queue deeper than its threshold for its whole {@code for} duration, so a
 * burst the consumers absorb raises nothing. Since when each queue has been over is kept in memory:
 * after a restart the duration counts again from the first evaluation.
 */
@Component
class QueueDepthCondition implements AlertCondition {

    static final String RULE = "queue-depth";

    private final Supplier<QueueDepths> source;
    private final AlertSettings settings;
    private final Clock clock;
    private final Map<String, Instant> overSince = new ConcurrentHashMap<>();

    @Autowired
    QueueDepthCondition(ObjectProvider<QueueDepths> source, AlertSettings settings, ObjectProvider<Clock> clock) {
        this(source::getIfUnique, settings, clock.getIfAvailable(Clock::systemUTC));
    }

    QueueDepthCondition(Supplier<QueueDepths> source, AlertSettings settings, Clock clock) {
        this.source = source;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public List<Firing> firing() {
        QueueDepths queues = settings.watchesQueues() ? source.get() : null;
        if (queues == null) {
            overSince.clear();
            return List.of();
        }
        Map<String, Long> depths = new TreeMap<>(queues.depths());
        Instant now = clock.instant();
        overSince.keySet().retainAll(depths.keySet());
        List<Firing> firing = new ArrayList<>();
        depths.forEach((queue, depth) -> {
            AlertSettings.QueueDepth threshold = settings.thresholdFor(queue);
            if (threshold == null || depth == null || depth <= threshold.over()) {
                overSince.remove(queue);
                return;
            }
            Instant since = overSince.computeIfAbsent(queue, q -> now);
            if (!since.plus(threshold.forDuration()).isAfter(now)) {
                firing.add(new Firing(queue, depth + " messages on " + queue + ", over " + threshold.over()
                        + " for " + minutes(Duration.between(since, now))));
            }
        });
        return firing;
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}
