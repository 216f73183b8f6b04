package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The HR samples' cards printed in a batch (PDF text checked), revoked cards listed, a lost card replaced. */
class CardBatchTest extends HubIntegrationTest {

    @Test
    void cardsToIssueArePrintedOnceRevokedOnesListedAndALostCardIsReplaced() throws Exception {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        jdbc.update("update member set last_name = 'BEN AMOR بن عمر' where matricule = '000001'");
        jdbc.update("update beneficiary set first_name = 'Aïcha' where rank = 1 and member_id = (select id from member where matricule = '000001')");
        int toIssue = count("select count(*) from member_card where status = 'TO_ISSUE'");
        int toRevoke = count("select count(*) from member_card where status = 'TO_REVOKE'");

        assertThat(as("auditor").postForEntity("/api/cards/batches?policyNumber=POL-TRS-2026", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> batch = as("operator").postForObject("/api/cards/batches?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(batch).containsEntry("batchNumber", "CARD-POL-TRS-2026-00001").containsEntry("issued", toIssue)
                .containsEntry("revoked", toRevoke);
        Path outbox = sftpServer.root().resolve("insurers/outbox");
        try (PDDocument pdf = Loader.loadPDF(outbox.resolve("CARTES_POL-TRS-2026_00001.pdf").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo((toIssue + 7) / 8);
            String first = new PDFTextStripper() {{ setStartPage(1); setEndPage(1); }}.getText(pdf);
            assertThat(first).contains("CARTE D'ASSURANCE MALADIE", "police POL-TRS-2026", "Amine BEN AMOR",
                    "Matricule 000001 — carte 000001-01", "Valide du 01/11/2026", "Rang 01  Aïcha");
            assertThat(first).as("the Arabic name, joined and right to left, reads back as written").contains("BEN AMOR بن عمر");
        }
        List<String> printer = Files.readAllLines(outbox.resolve("CARTES_POL-TRS-2026_00001.csv"));
        assertThat(printer).hasSize(toIssue + 1).element(0).isEqualTo("carte;matricule;nom;prenom;police;valide_du;valide_au");
        assertThat(toRevoke).as("no card was printed yet: nothing to revoke").isZero();
        assertThat(count("select count(*) from member_card where status in ('TO_ISSUE', 'TO_REVOKE')")).isZero();
        assertThat(count("select count(*) from exchange where direction = 'OUT' and flow = 'member-cards'")).isEqualTo(2);
        assertThat(as("operator").postForObject("/api/cards/batches?policyNumber=POL-TRS-2026", null, Map.class))
                .as("nothing printed twice").containsEntry("issued", 0).containsEntry("revoked", 0);

        // the delta makes a leaver (000200): its printed card is listed for the insurer to revoke
        dropHrFile("RH_DELTA_20261115.csv", sample("hr/RH_DELTA_20261115.csv"));
        awaitExchange("RH_DELTA_20261115.csv");
        Map<String, Object> second = as("operator").postForObject("/api/cards/batches?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(second).containsEntry("batchNumber", "CARD-POL-TRS-2026-00002");
        assertThat(Files.readAllLines(outbox.resolve("CARTES_POL-TRS-2026_00002_REVOQUEES.csv")))
                .anySatisfy(line -> assertThat(line).startsWith("000200-01;000200;"));

        assertThat(as("operator").postForObject("/api/members/000001/cards/replace", Map.of("reason", "perdue"), Map.class))
                .containsEntry("newCard", "000001-02");
        Map<String, Object> next = as("operator").postForObject("/api/cards/batches?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(next).containsEntry("batchNumber", "CARD-POL-TRS-2026-00003").containsEntry("issued", 1).containsEntry("revoked", 1);
        assertThat(Files.readAllLines(outbox.resolve("CARTES_POL-TRS-2026_00003_REVOQUEES.csv")))
                .containsExactly("carte;matricule;motif", "000001-01;000001;REPLACED: perdue");
    }

    @Test
    void namesFromHrNeitherShiftThePrintersColumnsNorRunAsFormulasAndUnusualScriptsStillPrint() throws Exception {
        String formula = String.join(";", "700020", "00", "A", "\"=HYPERLINK(\"\"http://evil.example/x\"\";\"\"clic\"\")\"",
                "\"Ali;Ben\"", "10/05/1985", "M", "12345678", "01/01/2020", "", "DEX-SFN", "", "", "", "", "", "", "A");
        String cjk = String.join(";", "700021", "00", "A", "王", "小明", "10/05/1985", "M", "12345679", "01/01/2020", "", "DEX-SFN",
                "", "", "", "", "", "", "A");
        String arabic = String.join(";", "700021", "01", "C", "بن علي", "ليلى", "10/05/1988", "F", "", "", "", "", "", "", "", "", "",
                "", "A");
        String file = HrHostileFilesTest.HEADER + formula + "\n" + cjk + "\n" + arabic + "\n";
        dropHrFile("RH_DELTA_20261120.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261120.csv")).containsEntry("status", "DONE").containsEntry("accepted_count", 3);

        Map<String, Object> batch = as("operator").postForObject("/api/cards/batches?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(batch).containsEntry("issued", 2);
        String stem = "CARTES_POL-TRS-2026_" + String.format("%05d", count("select count(*) from card_batch"));
        Path outbox = sftpServer.root().resolve("insurers/outbox");
        try (PDDocument pdf = Loader.loadPDF(outbox.resolve(stem + ".pdf").toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).as("the CJK name has no glyph in DejaVu Sans: shown as ?, the card printed")
                    .contains("Matricule 700020 — carte 700020-01", "Matricule 700021 — carte 700021-01", "?? ?");
        }
        List<String> lines = Files.readAllLines(outbox.resolve(stem + ".csv"));
        assertThat(lines).hasSize(3);
        try (CSVParser parser = CSVParser.parse(String.join("\n", lines), CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).allSatisfy(r -> assertThat(r.size()).as("no column shifted").isEqualTo(7));
            assertThat(records.get(1).toList()).startsWith("700020-01", "700020",
                    "'=HYPERLINK(\"http://evil.example/x\";\"clic\")", "Ali;Ben", "POL-TRS-2026");
            assertThat(records.get(2).toList()).startsWith("700021-01", "700021", "王", "小明");
        }
    }
}
