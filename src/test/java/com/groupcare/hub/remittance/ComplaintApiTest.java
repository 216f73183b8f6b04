package com.groupcare.hub.remittance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk lists the complaints a remittance opened, sends them (file + PDF letter), records the answer, closes them. */
class ComplaintApiTest extends RemittanceSamples {

    @Test
    void openComplaintsGoToTheInsurerAsAFileAndALetterThenAreAnsweredAndClosed() throws Exception {
        claimsSentToTheInsurer();
        // a beneficiary whose name needs more than Latin-1 (the letter embeds a Unicode font)
        jdbc.update("update beneficiary set first_name = 'Aïcha', last_name = 'RIAHI رياحي' where rank = 1 "
                + "and member_id = (select id from member where matricule = '000001')");
        dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);

        List<Map> open = List.of(as("auditor").getForObject("/api/complaints?status=OPEN", Map[].class));
        assertThat(open).extracting(c -> c.get("claim_number")).containsExactlyInAnyOrder("BS-26-0002", "BS-26-0004");
        assertThat(as("auditor").postForEntity("/api/complaints/send?policyNumber=POL-TRS-2026", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> sent = as("operator").postForEntity("/api/complaints/send?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(sent.getBody()).containsEntry("complaints", 2).containsEntry("file", "REC_POL-TRS-2026_00001.csv")
                .containsEntry("letter", "REC_POL-TRS-2026_00001.pdf");
        Path outbox = sftpServer.root().resolve("insurers/outbox");
        List<String> rows = Files.readAllLines(outbox.resolve("REC_POL-TRS-2026_00001.csv"));
        assertThat(rows.get(0)).isEqualTo("reclamation;bordereau;bulletin;ligne;matricule;rang;acte;date_soins;montant_estime;"
                + "montant_rembourse;ecart;motif");
        assertThat(rows.subList(1, rows.size())).hasSize(2).anySatisfy(row -> assertThat(row).endsWith(
                ";POL-TRS-2026-00001;BS-26-0004;1;000002;11;RX;11/11/2026;150.000;0.000;-150.000;rejected by the insurer: Plafond atteint"));
        try (PDDocument pdf = Loader.loadPDF(outbox.resolve("REC_POL-TRS-2026_00001.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("RÉCLAMATION 00001", "Bénéficiaire : Aïcha", "bulletin BS-26-0002", "écart -6.000 TND",
                    "Nombre de lignes contestées : 2", "montant réclamé : 156.000 TND");
            assertThat(text).as("the Arabic name, joined and right to left, reads back as written").contains("Aïcha RIAHI رياحي");
        }
        assertThat(count("select count(*) from complaint where status = 'SENT' and sent_exchange_id is not null")).isEqualTo(2);
        assertThat(count("select count(*) from exchange where direction = 'OUT' and flow = 'complaints'")).isEqualTo(2);
        assertThat(as("operator").postForEntity("/api/complaints/send?policyNumber=POL-TRS-2026", null, Map.class).getBody())
                .as("nothing is sent twice").containsEntry("complaints", 0);

        long rejected = ((Number) open.stream().filter(c -> c.get("claim_number").equals("BS-26-0004")).findFirst().orElseThrow()
                .get("id")).longValue();
        assertThat(as("operator").postForEntity("/api/complaints/" + rejected + "/answer", Map.of("text", "x".repeat(1001)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("operator").postForObject("/api/complaints/" + rejected + "/answer",
                Map.of("text", "Plafond bien atteint, rejet maintenu"), Map.class)).containsEntry("status", "ANSWERED");
        assertThat(as("operator").postForObject("/api/complaints/" + rejected + "/close", Map.of("text", "rejet accepté"), Map.class))
                .containsEntry("status", "CLOSED").containsEntry("closed_by", "operator");
        assertThat(as("operator").postForEntity("/api/complaints/" + rejected + "/close", Map.of("text", "again"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'COMPLAINT' and entity_id = ? order by id",
                String.class, Long.toString(rejected))).containsExactly("SENT", "ANSWERED", "CLOSED");

        // the later remittance pays the other gap: its complaint, sent, closes by itself
        dropRemittance(SECOND, sample("insurer-remittances/" + SECOND), 1);
        assertThat(List.of(as("auditor").getForObject("/api/complaints?claimNumber=BS-26-0002", Map[].class)))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("status", "CLOSED").containsEntry("closed_by", "remittance"));
    }
}
