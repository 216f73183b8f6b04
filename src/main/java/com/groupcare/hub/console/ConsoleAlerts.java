package com.groupcare.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The console's alert engine. Every {@code hub.console.alerts.evaluate-every} it asks each
 * {@link AlertCondition} what is wrong: a (rule, subject) newly firing opens an alert (RAISED), an
 * active one no longer firing is ended (CLEARED). The state is the {@code console_alert} table, so a
 * restart neither raises again what was active nor forgets it.
 */
@Component
public class ConsoleAlerts {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAlerts.class);

    private final Map<String, AlertCondition> conditions = new LinkedHashMap<>();
    private final AlertStore store;
    private final AlertSettings settings;
    private final AlertMetrics metrics;
    private final AlertWebhook webhook;
    private final Clock clock;
    private final Set<String> failing = new HashSet<>();
    private boolean evaluationFailing;
    private ScheduledExecutorService timer;

    ConsoleAlerts(List<AlertCondition> conditions, AlertStore store, AlertSettings settings, MeterRegistry registry,
                  ObjectProvider<Clock> clock) {
        for (AlertCondition condition : conditions) {
            if (this.conditions.putIfAbsent(condition.rule(), condition) != null) {
                throw new IllegalStateException("two alert conditions for rule " + condition.rule());
            }
        }
        this.store = store;
        this.settings = settings;
        this.metrics = new AlertMetrics(registry, this.conditions.keySet());
        this.webhook = new AlertWebhook(settings.webhookUri(), settings.webhookTimeout());
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Active alerts, newest first. */
    public List<AlertView> active() {
        return store.active();
    }

    /** The latest alerts, active and ended, newest first (at most 1000). */
    public List<AlertView> recent(int limit) {
        return store.recent(limit);
    }

    /**
     * Evaluates every rule now and returns what this evaluation raised and cleared (empty when the
     * timer's evaluation got there first). Throws when the table cannot be reached.
     */
    public synchronized List<AlertChange> evaluateNow() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Map<String, Firing>> firing = new HashMap<>();
        conditions.forEach((rule, condition) -> ask(rule, condition).ifPresent(found -> firing.put(rule, found)));
        List<AlertChange> changes = new ArrayList<>();
        Map<Long, String> stillFiring = new HashMap<>();
        Set<String> active = new HashSet<>();
        for (AlertView alert : store.active()) {
            boolean known = firing.containsKey(alert.rule()) || !conditions.containsKey(alert.rule());
            Firing current = firing.getOrDefault(alert.rule(), Map.of()).get(alert.subject());
            if (current != null) {
                stillFiring.put(alert.id(), current.message());
                active.add(key(alert.rule(), alert.subject()));
            } else if (known) {
                // a rule that could not tell keeps its alerts; a rule with no condition left is cleared
                store.end(alert.id(), now).ifPresent(ended -> announce(changes, new AlertChange(AlertChange.Status.CLEARED, ended)));
            }
        }
        store.seen(stillFiring, now);
        firing.forEach((rule, found) -> found.values().stream()
                .filter(f -> !active.contains(key(rule, f.subject())))
                .forEach(f -> store.open(rule, f, now).ifPresent(raised -> announce(changes, new AlertChange(AlertChange.Status.RAISED, raised)))));
        metrics.active(store.activeByRule());
        store.forgetEndedBefore(now.minus(settings.keepHistory()));
        return changes;
    }

    /** The webhook, whose address a test or a console page may change at runtime. */
    AlertWebhook webhook() {
        return webhook;
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (timer == null) {
            // at once, so the gauges show the table's state rather than zeros after a restart
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "console-alerts");
                thread.setDaemon(true);
                return thread;
            });
            long every = settings.evaluateEvery().toMillis();
            timer.scheduleWithFixedDelay(this::evaluateQuietly, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Before Camel and the database go: routes stopping at shutdown are not an alert. */
    @EventListener(ContextClosedEvent.class)
    void stop(ContextClosedEvent event) {
        if (event.getApplicationContext().getParent() != null) {
            return; // a child context (e.g. a separate management port) closing is not the hub stopping
        }
        ScheduledExecutorService running;
        synchronized (this) {
            running = timer;
            timer = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
        webhook.close();
    }

    private Optional<Map<String, Firing>> ask(String rule, AlertCondition condition) {
        try {
            Map<String, Firing> found = new LinkedHashMap<>();
            for (Firing f : condition.firing()) {
                String subject = AlertStore.cut(f.subject(), AlertStore.SUBJECT_MAX);
                found.putIfAbsent(subject, new Firing(subject, f.message()));
            }
            if (failing.remove(rule)) {
                log.info("Alert rule {} evaluated again", rule);
            }
            return Optional.of(found);
        } catch (RuntimeException e) {
            if (failing.add(rule)) {
                log.warn("Alert rule {} cannot be evaluated ({}); its alerts stay as they are until it can",
                        rule, e.getClass().getSimpleName());
            }
            return Optional.empty();
        }
    }

    /** At once, each on its own: a database lost half-way must not swallow what was already written. */
    private void announce(List<AlertChange> changes, AlertChange change) {
        changes.add(change);
        AlertView alert = change.alert();
        if (change.status() == AlertChange.Status.RAISED) {
            metrics.raised(alert.rule());
            log.warn("Alert {} raised: {} {}: {}", alert.id(), alert.rule(), alert.subject(), alert.message());
        } else {
            log.info("Alert {} cleared: {} {}", alert.id(), alert.rule(), alert.subject());
        }
        webhook.post(change);
    }

    private void evaluateQuietly() {
        try {
            evaluateNow();
            if (evaluationFailing) {
                evaluationFailing = false;
                log.info("Console alerts evaluated again");
            }
        } catch (RuntimeException e) {
            if (!evaluationFailing) {
                evaluationFailing = true;
                log.warn("Console alerts not evaluated ({}); the next evaluation tries again", e.getClass().getSimpleName());
            }
        }
    }

    private static String key(String rule, String subject) {
        return rule + '\n' + subject;
    }
}
