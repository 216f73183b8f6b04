package com.groupcare.hub.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console overview benchmark (bench/console.sh, issue 11): 100,000 exchanges over 10 flows (the six
 * inbound feeds and four outbound flows), received over the last 90 days in every status; then an
 * integrator signed in through the form asks the overview page, as the browser does, and its live
 * fragment, over HTTP. Tag "benchmark".
 */
@Tag("benchmark")
class ConsoleOverviewBenchmark extends HubIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Test
    void theOverviewWithAHundredThousandExchanges() throws Exception {
        int exchanges = Integer.getInteger("bench.exchanges", 100_000);
        long loadStart = System.nanoTime();
        jdbc.update("""
                insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status, received_at, completed_at,
                                      total_count, accepted_count, rejected_count, split_at, stored_path)
                select f.partner, f.flow, f.direction, f.flow || '_' || g || '.csv', md5(g::text) || md5(f.flow || g),
                       1000 + g % 5000, s.status, t.at, t.at + interval '40 seconds', 500, 490, 10, t.at, '/nowhere'
                from generate_series(1, ?) as g
                cross join lateral (select (array['hr-sync', 'claims-import', 'insurer-remittance', 'movement-ack', 'bank-status',
                        'provider-invoices', 'claims-transmittal', 'membership-movements', 'payments', 'provider-invoice-ack'])[1 + g % 10] as flow) n
                cross join lateral (select n.flow as flow,
                        case when g % 10 < 6 then 'IN' else 'OUT' end as direction,
                        (array['hr', 'desk', 'insurers', 'insurers', 'bank', 'providers', 'insurers', 'insurers', 'bank', 'providers'])[1 + g % 10] as partner) f
                cross join lateral (select (array['DONE', 'DONE', 'DONE', 'DONE', 'DONE_WITH_ERRORS', 'DONE_WITH_ERRORS', 'FAILED', 'HELD',
                        'DUPLICATE', 'DONE'])[1 + (g / 10) % 10] as status) s
                cross join lateral (select now() - (g % 129600) * interval '1 minute' as at) t""", exchanges);
        jdbc.execute("analyze exchange");
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(count("select count(distinct flow) from exchange")).isEqualTo(10);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        signIn(client, "integrator");
        for (int i = 0; i < 30; i++) {
            assertThat(get(client, "/console").body()).contains("flow-hr-sync", "flow-provider-invoice-ack");
        }
        List<Double> page = measure(client, "/console", 200);
        List<Double> live = measure(client, "/console?fragment=live", 200);
        List<Double> files = measure(client, "/console/files?flow=hr-sync&status=FAILED", 100);

        Path out = Path.of("target/benchmarks/console.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, """
                ### Console overview (bench/console.sh)

                %,d exchanges over 10 flows, received over 90 days in every status (loaded in %.1f s with one INSERT ... SELECT),
                an integrator signed in through the form; each page asked over HTTP in turn, after 30 warm-up requests.

                | request | n | p50 ms | p95 ms | max ms |
                |---|---|---|---|---|
                %s
                %s
                %s

                Machine: %d cores, Java %s, embedded PostgreSQL and Artemis in the same JVM and machine as the client.
                """.formatted(exchanges, loadSeconds, row("GET /console (the overview page)", page),
                row("GET /console?fragment=live (its refresh)", live), row("GET /console/files?flow=hr-sync&status=FAILED", files),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        System.out.println(Files.readString(out));
    }

    private void signIn(HttpClient client, String user) throws Exception {
        Matcher token = CSRF.matcher(get(client, "/login").body());
        assertThat(token.find()).isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(env.getProperty("hub.security.users." + user + ".password")
                .replace("{noop}", ""), StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signed in").doesNotContain("error");
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    private List<Double> measure(HttpClient client, String path, int n) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            get(client, path);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return millis;
    }

    private static String row(String what, List<Double> sorted) {
        return "| %s | %d | %.1f | %.1f | %.1f |".formatted(what, sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1));
    }
}
