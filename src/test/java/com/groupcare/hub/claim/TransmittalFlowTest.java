package com.groupcare.hub.claim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import com.groupcare.hub.claim.ClaimRequests.NewLine;
import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A transmittal goes to the insurer's SFTP folder as a data file and a PDF slip whose text shows count and total. */
class TransmittalFlowTest extends HubIntegrationTest {

    @Autowired
    ClaimService claims;
    @Autowired
    org.apache.camel.CamelContext camel;
    @Autowired
    org.apache.camel.ProducerTemplate producer;

    @Test
    void aTransmittalWritesTheDataFileAndThePdfSlipToTheInsurerAndEachClaimGoesOnce() throws Exception {
        ClaimApiTest.providers(jdbc);
        dropHrFile("RH_DELTA_20260101.csv", ClaimApiTest.FAMILY.getBytes(StandardCharsets.UTF_8));
        awaitExchange("RH_DELTA_20260101.csv");
        claims.create(claim("BS-1001", 0, line("C1", 1, "40.000"), line("PH", 1, "57.350")), "test");   // 20.000 + 51.615
        claims.create(claim("BS-1002", 1, line("RX", 1, "300.000")), "test");                          // 150.000
        claims.create(claim("BS-1003", 10, line("PH", 1, "10.005")), "test");                          // 9.005
        claims.cancel(claims.create(claim("BS-1004", 10, line("PH", 1, "99.000")), "test").claimNumber(), "duplicate", "test");

        ResponseEntity<Map> created = as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        String number = (String) created.getBody().get("transmittal_number");
        assertThat(number).isEqualTo("POL-TRS-2026-00001");
        assertThat(created.getBody()).containsEntry("claim_count", 3).containsEntry("total_expected", 230.62);

        Path outbox = sftpServer.root().resolve("insurers/outbox");
        Path data = awaitFile(outbox.resolve("BE_" + number + ".csv"));
        Path slip = awaitFile(outbox.resolve("BE_" + number + ".pdf"));
        awaitFile(outbox.resolve("BE_" + number + ".ok"));
        awaitCondition(() -> "SENT".equals(jdbc.queryForObject("select status from transmittal", String.class)));

        List<String> rows = Files.readAllLines(data);
        assertThat(rows.get(0)).isEqualTo("bordereau;police;bulletin;matricule;rang;date_soins;prestataire;ligne;acte;"
                + "quantite;montant_engage;montant_estime");
        assertThat(rows.subList(1, rows.size())).containsExactly(
                number + ";POL-TRS-2026;BS-1001;800001;0;10/03/2026;CAB-001;1;C1;1;40.000;20.000",
                number + ";POL-TRS-2026;BS-1001;800001;0;10/03/2026;CAB-001;2;PH;1;57.350;51.615",
                number + ";POL-TRS-2026;BS-1002;800001;1;10/03/2026;CAB-001;1;RX;1;300.000;150.000",
                number + ";POL-TRS-2026;BS-1003;800001;10;10/03/2026;CAB-001;1;PH;1;10.005;9.005");
        try (PDDocument pdf = Loader.loadPDF(slip.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("BORDEREAU D'ENVOI " + number, "Nombre de bulletins : 3", "Nombre de lignes : 4",
                    "Total estimé : 230,620 TND", "Total engagé : 407,355 TND", "Signature", "Cachet");
            assertThat(text).as("totals by act family, amounts with thousands separators").contains("CONSULTATION", "PHARMACY",
                    "IMAGING").containsPattern("PHARMACY\\s+2\\s+67,355\\s+60,620");
            assertThat(text).doesNotContain("null");
        }
        assertThat(count("select count(*) from exchange where direction = 'OUT' and partner = 'insurers'")).isEqualTo(2);
        assertThat(count("select count(*) from claim where status = 'SENT'")).isEqualTo(3);
        assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'TRANSMITTAL' order by id", String.class))
                .containsExactly("CREATE", "SENT");

        assertThat(as("auditor").getForEntity("/api/transmittals/" + number, String.class).getBody())
                .contains("\"total_expected\":230.620", "\"status\":\"SENT\"");

        // a replayed message (from the DLQ, or a redelivery after the commit) writes nothing again
        long written = Files.getLastModifiedTime(data).toMillis();
        NotifyBuilder replayed = new NotifyBuilder(camel).fromRoute("claims-transmittal-write").whenDone(1).create();
        producer.sendBody("jms:queue:claims.transmittals", jdbc.queryForObject("select id from transmittal", Long.class));
        assertThat(replayed.matches(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Files.getLastModifiedTime(data).toMillis()).isEqualTo(written);
        assertThat(count("select count(*) from exchange where direction = 'OUT'")).isEqualTo(2);

        ResponseEntity<String> again = as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<String> cancelSent = as("operator").postForEntity("/api/claims/BS-1001/cancel", Map.of("reason", "late"), String.class);
        assertThat(cancelSent.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aTransmittalTheBrokerGivesUpOnIsMarkedFailedAndCanBeSentAgain() {
        // a contract whose insurer has no layout in mappings/insurers: writing its files fails every time
        String yaml = Files.exists(Path.of("mappings/contracts/POL-TRS-2026.yaml")) ? read("mappings/contracts/POL-TRS-2026.yaml")
                .replace("policy-number: POL-TRS-2026", "policy-number: POL-NOLAYOUT") : null;
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.valueOf("application/yaml"));
        assertThat(as("admin").exchange("/api/contracts/POL-NOLAYOUT", org.springframework.http.HttpMethod.PUT,
                new org.springframework.http.HttpEntity<>(yaml, headers), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ClaimApiTest.providers(jdbc);
        dropHrFile("RH_DELTA_20260101.csv", ClaimApiTest.FAMILY.getBytes(StandardCharsets.UTF_8));
        awaitExchange("RH_DELTA_20260101.csv");
        claims.create(new NewClaim("BS-3001", "POL-NOLAYOUT", "800001", 0, "CAB-001", java.time.LocalDate.parse("2026-03-10"),
                List.of(line("PH", 1, "10.000"))), "test");

        ResponseEntity<Map> created = as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-NOLAYOUT"), Map.class);
        String number = (String) created.getBody().get("transmittal_number");
        awaitCondition(() -> "FAILED".equals(jdbc.queryForObject("select status from transmittal", String.class)));

        ResponseEntity<Map> resent = as("operator").postForEntity("/api/transmittals/" + number + "/resend", Map.of(), Map.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resent.getBody()).containsEntry("status", "CREATED");
        awaitCondition(() -> "FAILED".equals(jdbc.queryForObject("select status from transmittal", String.class)));
        assertThat(count("select count(*) from claim where status = 'BATCHED'")).isEqualTo(1);
        assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'TRANSMITTAL' order by id", String.class))
                .containsExactly("CREATE", "FAILED", "RESEND", "FAILED");
        assertThat(as("operator").postForEntity("/api/transmittals/NOPE/resend", Map.of(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aSlipThatFailsToUploadAfterTheDataFileLeavesNoCompleteTransmittalUntilTheRetrySendsAllThree() throws Exception {
        java.util.List<String> uploads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean failSlipOnce = new java.util.concurrent.atomic.AtomicBoolean(true);
        org.apache.camel.builder.AdviceWith.adviceWith(camel, "claims-transmittal-write", route -> route
                .weaveByType(org.apache.camel.model.ToDefinition.class)
                .before().process(e -> {
                    String name = e.getMessage().getHeader("CamelFileName", String.class);
                    uploads.add(name.substring(name.lastIndexOf('.')));
                    if (name.endsWith(".pdf") && failSlipOnce.getAndSet(false)) {
                        throw new java.io.IOException("simulated connection lost while writing the slip");
                    }
                }));
        ClaimApiTest.providers(jdbc);
        String family = ClaimApiTest.FAMILY
                + "800002;00;A;BEN ZAÏED;Hédi;10/05/1980;M;12345679;01/01/2015;;DEX-SFN;;;;;;;A\n"
                + "800002;10;E;بن زايد;سامي;01/06/2014;M;;;;;;;;N;N;;A\n";
        dropHrFile("RH_DELTA_20260101.csv", family.getBytes(StandardCharsets.UTF_8));
        awaitExchange("RH_DELTA_20260101.csv");
        claims.create(claim("BS-1101", 0, line("PH", 1, "10.000")), "test");
        claims.create(new NewClaim("BS-1102", "POL-TRS-2026", "800002", 0, null, java.time.LocalDate.parse("2026-03-10"),
                List.of(line("ACU", 1, "50.000"))), "test");
        claims.create(new NewClaim("BS-1103", "POL-TRS-2026", "800002", 10, null, java.time.LocalDate.parse("2026-03-10"),
                List.of(line("ACU", 1, "50.000"))), "test");
        String number = (String) as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), Map.class)
                .getBody().get("transmittal_number");
        awaitCondition(() -> "SENT".equals(jdbc.queryForObject("select status from transmittal", String.class)));

        assertThat(uploads).as("the marker only after the data file and the slip, the retry sending all three")
                .containsExactly(".csv", ".pdf", ".csv", ".pdf", ".ok");
        Path outbox = sftpServer.root().resolve("insurers/outbox");
        assertThat(outbox.resolve("BE_" + number + ".ok")).exists();
        assertThat(count("select count(*) from exchange where direction = 'OUT' and partner = 'insurers'")).isEqualTo(2);
        try (PDDocument pdf = Loader.loadPDF(outbox.resolve("BE_" + number + ".pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).as("zero-valued claims with their reasons, accented names printed")
                    .contains("Bulletins à montant nul (2)", "BS-1102", "BEN ZAÏED Hédi", "ACT_NOT_COVERED", "BS-1103")
                    .doesNotContain("null");
            assertThat("بنزايدسامي".chars()).as("Arabic letters printed").allMatch(c -> text.indexOf(c) >= 0);
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static NewClaim claim(String number, int rank, NewLine... lines) {
        return new NewClaim(number, "POL-TRS-2026", "800001", rank, "CAB-001", java.time.LocalDate.parse("2026-03-10"), List.of(lines));
    }

    static NewLine line(String act, int quantity, String charged) {
        return new NewLine(act, quantity, new java.math.BigDecimal(charged), null);
    }

    private Path awaitFile(Path file) {
        awaitCondition(() -> Files.exists(file));
        return file;
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            sleep(100);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 30 s").isTrue();
    }

}
