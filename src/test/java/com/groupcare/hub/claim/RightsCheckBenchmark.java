package com.groupcare.hub.claim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import com.groupcare.hub.membership.HrExportGenerator;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Rights check benchmark (bench/rights.sh, issue 8): 100,000 employees with their families through
 * HR sync, then providers asking GET /api/rights over HTTP with Basic authentication at a fixed rate
 * (open loop: a slow answer does not slow the next question down) for 30 s; latency from the moment
 * each question was due to its answer. Tag "benchmark".
 */
@Tag("benchmark")
@TestPropertySource(properties = {"hub.hr.chunk-size=1000"})
class RightsCheckBenchmark extends HubIntegrationTest {

    private static final String[] ACTS = {"PH", "PH", "C1", "C2", "LAB", "RX", "OPT", "ACU"};

    @Value("${local.server.port}")
    int port;

    @Test
    void twoHundredQuestionsASecond() throws Exception {
        int employees = Integer.getInteger("bench.employees", 100_000);
        int rate = Integer.getInteger("bench.rate", 200);
        int seconds = Integer.getInteger("bench.seconds", 30);
        Path hr = Files.createTempFile("hr-", ".csv");
        HrExportGenerator.write(hr, employees, 42L, LocalDate.of(2026, 11, 1));
        try (var in = Files.newInputStream(hr)) {
            dropOverSftp("hr/inbox", "RH_COMPLET_20261101.csv", in);
        }
        awaitExchange("RH_COMPLET_20261101.csv");
        List<String> cards = jdbc.queryForList("select card_number from member_card", String.class);
        String auth = "Basic " + Base64.getEncoder().encodeToString(("provider:"
                + env.getProperty("hub.security.users.provider.password").replace("{noop}", "")).getBytes());
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Random random = new Random(7);
        // warm-up: the JIT and the connection pool, not measured
        for (int i = 0; i < 500; i++) {
            client.send(request(auth, cards.get(random.nextInt(cards.size())), random), HttpResponse.BodyHandlers.discarding());
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        for (int i = 0; i < rate * seconds; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            pending.add(client.sendAsync(request(auth, cards.get(random.nextInt(cards.size())), random),
                    HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies.add(System.nanoTime() - due);
                if (error != null || response.statusCode() != 200) {
                    errors.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        String text = String.format("""
                | beneficiaries | questions | rate asked /s | rate achieved /s | errors | p50 ms | p95 ms | p99 ms | max ms |
                |---|---|---|---|---|---|---|---|---|
                | %,d | %,d | %d | %.0f | %d | %.1f | %.1f | %.1f | %.1f |

                %d cores, %s %s
                """, count("select count(*) from beneficiary"), sorted.size(), rate, sorted.size() / elapsed, errors.get(),
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));
        Path out = Path.of("target", "benchmarks", "rights.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n" + text);
        Files.delete(hr);
    }

    private HttpRequest request(String auth, String card, Random random) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/rights?card=" + card
                        + "&rank=0&date=2026-11-20&act=" + ACTS[random.nextInt(ACTS.length)]))
                .header("Authorization", auth).timeout(Duration.ofSeconds(10)).GET().build();
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1)) / 1e6;
    }
}
