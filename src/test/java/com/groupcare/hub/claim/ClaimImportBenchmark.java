package com.groupcare.hub.claim;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.groupcare.hub.membership.HrExportGenerator;
import com.groupcare.hub.support.HeapWatch;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims import benchmark (bench/claims-import.sh, issue 6): the path production runs, end to end.
 * 10,000 employees with their families come in through HR sync; then a CSV of ~100,000 claim lines
 * over their beneficiaries is uploaded through POST /api/claims/import like the desk would; measured
 * from the start of the upload to the exchange finished (every form valued, ceilings reserved in
 * PostgreSQL, the last row committed), and the hub's heap. Not part of the test suite (tag "benchmark").
 */
@Tag("benchmark")
// the production defaults, not the tests' small chunks
@TestPropertySource(properties = {"hub.hr.chunk-size=1000", "hub.claims.import-chunk-size=500"})
class ClaimImportBenchmark extends HubIntegrationTest {

    private static final String[] ACTS = {"PH", "PH", "PH", "C1", "C1", "C2", "LAB", "DEN", "RX", "ACU", "MAT"};
    private static final int[][] AMOUNTS = {{5, 250}, {5, 250}, {5, 250}, {20, 45}, {20, 45}, {35, 90}, {15, 180},
            {30, 350}, {40, 400}, {40, 90}, {600, 2500}};

    @Value("${local.server.port}")
    int port;

    @Test
    void claimsCsvUploadedThroughTheApi() throws Exception {
        int employees = Integer.getInteger("bench.employees", 10_000);
        int targetLines = Integer.getInteger("bench.lines", 100_000);
        Path hr = Files.createTempFile("hr-", ".csv");
        HrExportGenerator.write(hr, employees, 42L, LocalDate.of(2026, 11, 1));
        try (var in = Files.newInputStream(hr)) {
            dropOverSftp("hr/inbox", "RH_COMPLET_20261101.csv", in);
        }
        assertThat(awaitExchange("RH_COMPLET_20261101.csv")).containsEntry("rejected_count", 0);

        Path csv = Files.createTempFile("claims-", ".csv");
        int[] generated = writeClaims(csv, targetLines);

        System.gc();
        HeapWatch heap = new HeapWatch();
        heap.start();
        long t0 = System.nanoTime();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/claims/import"))
                .header("Content-Type", "text/csv").header("X-File-Name", "bench-claims.csv")
                .header("X-Requested-By", "bench")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("operator:"
                        + env.getProperty("hub.security.users.operator.password").replace("{noop}", "")).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build(), HttpResponse.BodyHandlers.ofString());
        long accepted = System.nanoTime();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        Map<String, Object> exchange = awaitExchange("bench-claims.csv");
        long done = System.nanoTime();
        heap.stopWatching();
        heap.join();

        assertThat(exchange.get("status")).isIn("DONE", "DONE_WITH_ERRORS");
        assertThat(exchange).containsEntry("total_count", generated[1]);
        int claims = count("select count(*) from claim");
        int lines = count("select count(*) from claim_line");
        // every total is the sum of its lines, every reservation belongs to a valued line
        assertThat(count("select count(*) from claim c where total_expected <> (select coalesce(sum(expected), 0) "
                + "from claim_line l where l.claim_id = c.id)")).isZero();
        double seconds = (done - t0) / 1e9;
        String text = String.format("""
                | employees | forms | lines in file | lines recorded | rejected | file MB | upload answered s | upload to last row s | lines/s | peak heap used MB | max live heap after GC MB |
                |---|---|---|---|---|---|---|---|---|---|---|
                | %,d | %,d | %,d | %,d | %,d | %.1f | %.2f | %.1f | %,.0f | %d | %d |

                max heap (-Xmx): %d MB, %d cores, %s %s
                """, employees, claims, generated[1], lines, (Integer) exchange.get("rejected_count"), Files.size(csv) / 1e6,
                (accepted - t0) / 1e9, seconds, generated[1] / seconds, heap.peakUsed.get() >> 20, heap.maxLiveAfterGc() >> 20,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
        text += transmittal();
        Path out = Path.of("target", "benchmarks", "claims-import.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n" + text);
        Files.delete(csv);
        Files.delete(hr);
    }

    /** The claims just imported batched in one transmittal: its data file and slip written to the insurer's SFTP folder. */
    private String transmittal() throws Exception {
        int claims = count("select count(*) from claim where status = 'VALUED'");
        int lines = count("select count(*) from claim_line l join claim c on c.id = l.claim_id where c.status = 'VALUED'");
        System.gc();
        HeapWatch heap = new HeapWatch();
        heap.start();
        long t0 = System.nanoTime();
        String number = (String) as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), Map.class)
                .getBody().get("transmittal_number");
        long deadline = System.nanoTime() + 900_000_000_000L;
        while (!"SENT".equals(jdbc.queryForObject("select status from transmittal where transmittal_number = ?", String.class, number))
                && System.nanoTime() < deadline) {
            sleep(100);
        }
        long done = System.nanoTime();
        heap.stopWatching();
        heap.join();
        Path outbox = sftpServer.root().resolve("insurers/outbox");
        long dataLines;
        try (var stream = Files.lines(outbox.resolve("BE_" + number + ".csv"))) {
            dataLines = stream.count() - 1;
        }
        assertThat(dataLines).isEqualTo(lines);
        int pages;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(outbox.resolve("BE_" + number + ".pdf").toFile())) {
            pages = pdf.getNumberOfPages();
        }
        return String.format("%nThen one transmittal of every claim (POST /api/transmittals to SENT: data file from a cursor, "
                + "slip, done-marker on SFTP):%n%n| claims | lines | data file MB | slip pages | request to SENT s | peak heap used MB "
                + "| max live heap after GC MB |%n|---|---|---|---|---|---|---|%n| %,d | %,d | %.1f | %d | %.1f | %d | %d |%n",
                claims, lines, Files.size(outbox.resolve("BE_" + number + ".csv")) / 1e6, pages, (done - t0) / 1e9,
                heap.peakUsed.get() >> 20, heap.maxLiveAfterGc() >> 20);
    }

    /** Forms of 1-5 lines over the beneficiaries loaded, with care inside their cover; returns {forms, lines}. */
    private int[] writeClaims(Path csv, int targetLines) throws Exception {
        record Person(String matricule, int rank, LocalDate from, LocalDate to) {
        }
        List<Person> people = new ArrayList<>(jdbc.query("""
                select m.matricule, b.rank, greatest(b.cover_start, date '2026-01-01'), least(coalesce(b.cover_end, date '2026-10-31'), date '2026-10-31')
                from beneficiary b join member m on m.id = b.member_id
                where greatest(b.cover_start, date '2026-01-01') < least(coalesce(b.cover_end, date '2026-10-31'), date '2026-10-31')
                order by m.matricule, b.rank""",
                (rs, i) -> new Person(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))));
        Random random = new Random(20261123L);
        int forms = 0;
        int lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(String.join(";", ClaimImportLines.HEADER) + "\n");
            while (lines < targetLines) {
                Person p = people.get(random.nextInt(people.size()));
                long span = p.to().toEpochDay() - p.from().toEpochDay();
                LocalDate care = p.from().plusDays(random.nextLong(span));
                String date = String.format("%02d/%02d/%d", care.getDayOfMonth(), care.getMonthValue(), care.getYear());
                int n = Math.min(1 + random.nextInt(5), targetLines - lines);
                forms++;
                for (int i = 0; i < n; i++) {
                    int act = random.nextInt(ACTS.length);
                    int amount = AMOUNTS[act][0] * 1000 + random.nextInt((AMOUNTS[act][1] - AMOUNTS[act][0]) * 1000);
                    out.write(String.format("BS-%07d;POL-TRS-2026;%s;%d;;%s;%s;1;%d.%03d;\n", forms, p.matricule(), p.rank(),
                            date, ACTS[act], amount / 1000, amount % 1000));
                }
                lines += n;
            }
        }
        return new int[] {forms, lines};
    }
}
