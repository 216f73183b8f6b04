package com.groupcare.hub.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.convert.DurationUnit;

/**
 * The console's alert rules, {@code hub.console.alerts.*}. Unknown keys are refused and values are
 * checked here, so a typo stops the hub at start-up with the key at fault rather than silencing a
 * rule. A bare number is taken in the unit a person would mean (minutes for {@code for}, hours for
 * {@code within}, seconds for the rest), never milliseconds.
 */
@ConfigurationProperties(prefix = "hub.console.alerts", ignoreUnknownFields = false)
public record AlertSettings(
        @DefaultValue("30s") @DurationUnit(ChronoUnit.SECONDS) Duration evaluateEvery,
        String webhookUrl,
        @DefaultValue("5s") @DurationUnit(ChronoUnit.SECONDS) Duration webhookTimeout,
        @DefaultValue("90d") @DurationUnit(ChronoUnit.DAYS) Duration keepHistory,
        @DefaultValue FileFailed fileFailed,
        @DefaultValue Switch fileHeld,
        @DefaultValue Switch routeStopped,
        @DefaultValue Switch deadLetterWaiting,
        @DefaultValue DefaultQueueDepth defaultQueueDepth,
        List<QueueDepth> queueDepth) {

    private static final String PREFIX = "hub.console.alerts.";

    public AlertSettings {
        atLeast(evaluateEvery, Duration.ofMillis(100), "evaluate-every");
        atLeast(webhookTimeout, Duration.ofMillis(100), "webhook-timeout");
        atLeast(keepHistory, Duration.ofDays(1), "keep-history");
        webhookUrl = webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip();
        webhookUri(webhookUrl);
        queueDepth = queueDepth == null ? List.of() : List.copyOf(queueDepth);
        Set<String> queues = new HashSet<>();
        for (int i = 0; i < queueDepth.size(); i++) {
            QueueDepth rule = queueDepth.get(i);
            String key = PREFIX + "queue-depth[" + i + "]";
            if (rule.queue() == null || rule.queue().isBlank()) {
                throw new IllegalArgumentException(key + ".queue is missing");
            }
            if (!queues.add(rule.queue())) {
                throw new IllegalArgumentException(key + ": queue " + rule.queue() + " has two rules");
            }
            threshold(rule.over(), rule.forDuration(), key);
        }
        threshold(defaultQueueDepth.over(), defaultQueueDepth.forDuration(), PREFIX + "default-queue-depth");
        atLeast(fileFailed.within(), Duration.ofMinutes(1), "file-failed.within");
    }

    /** Where raises and clears are posted, or null for nowhere. */
    public URI webhookUri() {
        return webhookUri(webhookUrl);
    }

    /** The threshold for a queue: its own rule, else the default; null when the queue is not watched. */
    QueueDepth thresholdFor(String queue) {
        for (QueueDepth rule : queueDepth) {
            if (rule.queue().equals(queue)) {
                return rule.enabled() ? rule : null;
            }
        }
        return defaultQueueDepth.enabled()
                ? new QueueDepth(queue, defaultQueueDepth.over(), defaultQueueDepth.forDuration(), true) : null;
    }

    boolean watchesQueues() {
        return defaultQueueDepth.enabled() || queueDepth.stream().anyMatch(QueueDepth::enabled);
    }

    public record Switch(@DefaultValue("true") boolean enabled) {
    }

    /** A failed file stops alerting once it is {@code within} old: a file refused whole stays FAILED for good. */
    public record FileFailed(@DefaultValue("true") boolean enabled,
                             @DefaultValue("24h") @DurationUnit(ChronoUnit.HOURS) Duration within) {
    }

    /** Every queue without its own rule: depth over {@code over} for {@code for}. */
    public record DefaultQueueDepth(@DefaultValue("true") boolean enabled,
                                    @DefaultValue("10000") Long over,
                                    @Name("for") @DefaultValue("15m") @DurationUnit(ChronoUnit.MINUTES) Duration forDuration) {
    }

    /** One queue's own threshold; {@code enabled: false} silences that queue. */
    public record QueueDepth(String queue, Long over,
                             @Name("for") @DurationUnit(ChronoUnit.MINUTES) Duration forDuration,
                             @DefaultValue("true") boolean enabled) {
    }

    // a String rather than a URI: an empty value (no webhook) must bind, and Spring counts a null URI as a key left unbound
    private static URI webhookUri(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && Set.of("http", "https").contains(uri.getScheme().toLowerCase()) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // same message as any other wrong address
        }
        throw new IllegalArgumentException(PREFIX + "webhook-url must be an http(s) address, or empty for no webhook");
    }

    private static void threshold(Long over, Duration forDuration, String key) {
        if (over == null || over < 0) {
            throw new IllegalArgumentException(key + ".over must be a number of messages, 0 or more");
        }
        if (forDuration == null || forDuration.isNegative()) {
            throw new IllegalArgumentException(key + ".for must be a duration such as 10m, 0 or more");
        }
    }

    private static void atLeast(Duration value, Duration min, String key) {
        if (value == null || value.compareTo(min) < 0) {
            throw new IllegalArgumentException(PREFIX + key + " must be at least " + min.toString().substring(2).toLowerCase());
        }
    }
}
