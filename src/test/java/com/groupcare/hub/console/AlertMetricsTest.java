package com.groupcare.hub.console;

import java.util.List;
import java.util.Map;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names a Prometheus server scrapes, which docs/operations/prometheus-alerts.yml relies on (the
 * test profile runs without the Prometheus registry, so the hub's own endpoint cannot show them).
 */
class AlertMetricsTest {

    @Test
    void everyRuleHasItsSeriesFromTheStartAndCountsWhatIsActive() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        AlertMetrics metrics = new AlertMetrics(prometheus, List.of("file-failed", "route-stopped"));
        assertThat(prometheus.scrape()).contains("hub_alerts_active{rule=\"file-failed\"} 0",
                "hub_alerts_active{rule=\"route-stopped\"} 0", "hub_alerts_raised_total{rule=\"file-failed\"} 0");

        metrics.active(Map.of("file-failed", 2));
        metrics.raised("file-failed");
        assertThat(prometheus.scrape()).contains("hub_alerts_active{rule=\"file-failed\"} 2",
                "hub_alerts_active{rule=\"route-stopped\"} 0", "hub_alerts_raised_total{rule=\"file-failed\"} 1");
    }
}
