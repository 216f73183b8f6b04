package com.groupcare.hub.membership;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HeapWatch;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HR sync benchmark (bench/hr-sync.sh): a generated export of N employees with families is dropped
 * over SFTP; measured: time from the end of the upload to the last row written (the exchange
 * finished), and peak heap. Not part of the test suite (tag "benchmark").
 */
@Tag("benchmark")
@TestPropertySource(properties = "hub.hr.chunk-size=1000") // the production default, not the tests' small chunks
class HrSyncBenchmark extends HubIntegrationTest {

    @Test
    void hrSyncOfLargeExports() throws Exception {
        List<String> report = new ArrayList<>();
        report.add("| employees | lines | file MB | upload s | drop to last row s | lines/s | peak heap used MB | max live heap after GC MB |");
        report.add("|---|---|---|---|---|---|---|---|");
        for (String size : System.getProperty("bench.sizes", "10000,100000").split(",")) {
            emptyTheDatabase();
            int employees = Integer.parseInt(size.trim());
            Path file = Files.createTempFile("hr-bench-", ".csv");
            HrExportGenerator.write(file, employees, 42L, LocalDate.of(2026, 11, 1));
            long lines = countLines(file) - 1;
            String name = "RH_COMPLET_" + (20261101 + report.size()) + ".csv";
            System.gc();
            HeapWatch heap = new HeapWatch();
            heap.start();

            long t0 = System.nanoTime();
            try (var in = Files.newInputStream(file)) {
                dropOverSftp("hr/inbox", name, in);
            }
            long uploaded = System.nanoTime();
            Map<String, Object> exchange = awaitExchange(name);
            long done = System.nanoTime();
            heap.stopWatching();
            heap.join();

            assertThat(exchange).containsEntry("total_count", (int) lines).containsEntry("rejected_count", 0);
            assertThat(count("select count(*) from member")).isEqualTo(employees);
            double seconds = (done - uploaded) / 1e9;
            report.add(String.format("| %,d | %,d | %.1f | %.1f | %.1f | %,.0f | %d | %d |", employees, lines,
                    Files.size(file) / 1e6, (uploaded - t0) / 1e9, seconds, lines / seconds,
                    heap.peakUsed.get() >> 20, heap.maxLiveAfterGc() >> 20));
            Files.delete(file);
        }
        String text = String.join("\n", report) + "\n\nmax heap (-Xmx): " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + "\n";
        Path out = Path.of("target", "benchmarks", "hr-sync.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n" + text);
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
