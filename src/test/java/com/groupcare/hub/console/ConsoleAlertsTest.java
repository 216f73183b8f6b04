package com.groupcare.hub.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.groupcare.hub.support.HubIntegrationTest;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts come and go with what is wrong in the hub, on the page, in the metrics and on the webhook.
 * The hub is shared with every other test: the webhook is pointed at this test's receiver only for
 * the test's length, and the route stopped is started again.
 */
class ConsoleAlertsTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ConsoleAlerts alerts;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CamelContext camel;
    @Autowired
    AlertStore store;
    @Autowired
    AlertSettings settings;
    @Autowired
    List<AlertCondition> conditions;

    private final BlockingQueue<Map<String, Object>> posts = new LinkedBlockingQueue<>();
    private HttpServer receiver;

    @BeforeEach
    void noAlertLeftFromOtherTests() {
        alerts.evaluateNow(); // the tables were just emptied: what other tests left active ends here
    }

    @AfterEach
    void stopPosting() {
        alerts.webhook().setUrl(null);
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aFailedFileRaisesAnAlertThatClearsOnceTheFileIsDone() throws Exception {
        alerts.webhook().setUrl(startReceiver());
        long id = exchange("FAILED");
        alerts.evaluateNow();

        AlertView alert = activeAlert(FileFailedCondition.RULE, id);
        assertThat(alert.message()).isEqualTo("hr-sync file RH_DELTA_20261101.csv failed");
        assertThat(gauge(FileFailedCondition.RULE)).isEqualTo(1.0);
        assertThat(gauge(FileHeldCondition.RULE)).isZero();
        Map<String, Object> raised = post("RAISED", FileFailedCondition.RULE, id);
        assertThat(raised).containsEntry("message", alert.message()).containsEntry("startedAt", alert.startedAt().toString())
                .containsEntry("endedAt", null);
        assertThat(meters.get("hub.alerts.raised").tag("rule", FileFailedCondition.RULE).counter().count()).isPositive();

        jdbc.update("update exchange set status = 'DONE', updated_at = now() where id = ?", id);
        alerts.evaluateNow();

        assertThat(alerts.active()).noneMatch(a -> a.rule().equals(FileFailedCondition.RULE));
        assertThat(gauge(FileFailedCondition.RULE)).isZero();
        Map<String, Object> cleared = post("CLEARED", FileFailedCondition.RULE, id);
        assertThat(cleared).containsEntry("startedAt", alert.startedAt().toString());
        assertThat(cleared.get("endedAt")).isNotNull();
        assertThat(alerts.recent(10)).anySatisfy(ended -> {
            assertThat(ended.id()).isEqualTo(alert.id());
            assertThat(ended.active()).isFalse();
        });
    }

    @Test
    void aHeldFileRaisesItsOwnAlert() {
        long id = exchange("HELD");
        alerts.evaluateNow();
        assertThat(activeAlert(FileHeldCondition.RULE, id).message()).isEqualTo("hr-sync file RH_DELTA_20261101.csv held for a person's decision");
    }

    @Test
    void aStoppedRouteRaisesAnAlertThatClearsOnceItRunsAgain() throws Exception {
        String route = "payments-resend";
        camel.getRouteController().stopRoute(route);
        try {
            alerts.evaluateNow();
            assertThat(activeAlert(RouteStoppedCondition.RULE, route).message()).isEqualTo("route payments-resend is Stopped");
            assertThat(gauge(RouteStoppedCondition.RULE)).isEqualTo(1.0);
        } finally {
            camel.getRouteController().startRoute(route);
        }
        alerts.evaluateNow();
        assertThat(alerts.active()).noneMatch(a -> a.rule().equals(RouteStoppedCondition.RULE));
        assertThat(gauge(RouteStoppedCondition.RULE)).isZero();
    }

    @Test
    void aRestartedHubKeepsItsAlertsFromTheTableRatherThanRaisingThemAgain() {
        long id = exchange("FAILED");
        alerts.evaluateNow();
        AlertView alert = activeAlert(FileFailedCondition.RULE, id);

        SimpleMeterRegistry restartedMeters = new SimpleMeterRegistry();
        ConsoleAlerts restarted = new ConsoleAlerts(conditions, store, settings, restartedMeters,
                new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
        assertThat(restarted.evaluateNow()).noneMatch(change -> change.alert().rule().equals(FileFailedCondition.RULE));
        assertThat(restarted.active()).extracting(AlertView::id).contains(alert.id());
        assertThat(restartedMeters.get("hub.alerts.active").tag("rule", FileFailedCondition.RULE).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aWebhookThatCannotBeReachedNeverStopsTheAlerts() throws Exception {
        alerts.webhook().setUrl(URI.create("http://127.0.0.1:" + closedPort() + "/alerts"));
        long id = exchange("FAILED");
        alerts.evaluateNow();
        assertThat(activeAlert(FileFailedCondition.RULE, id)).isNotNull();
        jdbc.update("update exchange set status = 'DONE' where id = ?", id);
        alerts.evaluateNow();
        assertThat(alerts.active()).noneMatch(a -> a.rule().equals(FileFailedCondition.RULE));
    }

    private long exchange(String status) {
        return jdbc.queryForObject("insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status) "
                + "values ('hr', 'hr-sync', 'IN', 'RH_DELTA_20261101.csv', md5(random()::text) || md5(random()::text), 10, ?) returning id",
                Long.class, status);
    }

    private AlertView activeAlert(String rule, Object subject) {
        return alerts.active().stream().filter(a -> a.rule().equals(rule) && a.subject().equals(subject.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no active " + rule + " alert for " + subject + ": " + alerts.active()));
    }

    private double gauge(String rule) {
        return meters.get("hub.alerts.active").tag("rule", rule).gauge().value();
    }

    /** The next post of this alert; posts about other alerts (other rules changing meanwhile) are skipped. */
    private Map<String, Object> post(String status, String rule, Object subject) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Map<String, Object> post = posts.poll(100, TimeUnit.MILLISECONDS);
            if (post != null && status.equals(post.get("status")) && rule.equals(post.get("rule"))
                    && subject.toString().equals(post.get("subject"))) {
                return post;
            }
        }
        throw new AssertionError("no " + status + " post for " + rule + " " + subject);
    }

    private URI startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/alerts", exchange -> {
            try (exchange) {
                assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
                posts.add(JSON.readValue(exchange.getRequestBody(), new TypeReference<Map<String, Object>>() { }));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
