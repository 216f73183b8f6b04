package com.groupcare.hub.console;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code hub.alerts.active} and {@code hub.alerts.raised}, tagged by rule. Every rule has its series
 * from start-up, at 0, so a Prometheus rule can tell "no alert" from "no data".
 */
class AlertMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
    private final Map<String, Counter> raised = new ConcurrentHashMap<>();

    AlertMetrics(MeterRegistry registry, Collection<String> rules) {
        this.registry = registry;
        rules.forEach(this::register);
    }

    /** Counts per rule from the table; rules missing from the map have none active. */
    void active(Map<String, Integer> counts) {
        active.forEach((rule, value) -> value.set(counts.getOrDefault(rule, 0)));
    }

    void raised(String rule) {
        register(rule);
        raised.get(rule).increment();
    }

    private void register(String rule) {
        active.computeIfAbsent(rule, r -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("hub.alerts.active", value, AtomicInteger::get).tag("rule", r)
                    .description("Console alerts active now").register(registry);
            return value;
        });
        raised.computeIfAbsent(rule, r -> Counter.builder("hub.alerts.raised").tag("rule", r)
                .description("Console alerts raised since start-up").register(registry));
    }
}
