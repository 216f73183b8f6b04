package com.groupcare.hub.remittance;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A second insurer onboarded by its mapping file alone (mappings/insurers/POL-ATL-2026.yaml): its
 * own transmittal columns, a fixed-width remittance in millimes that does not echo our claim
 * numbers (matched by matricule, rank, act and date of care), its own rejection codes.
 */
class SecondInsurerTest extends RemittanceSamples {

    @Test
    void aFixedWidthRemittanceWithoutOurNumbersIsMatchedByTheCare() throws Exception {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        upload("/api/providers/import", "PRESTATAIRES_20261101.csv", sample("providers/PRESTATAIRES_20261101.csv"));
        ResponseEntity<Map> claims = upload("/api/claims/import", "BULLETINS_ATL_20261110.csv", sample("claims/BULLETINS_ATL_20261110.csv"));
        assertThat(awaitStatus(claims.getBody().get("exchangeId"), "DONE")).containsEntry("rejected_count", 0);
        ResponseEntity<Map> transmittal = as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-ATL-2026"), Map.class);
        String number = (String) transmittal.getBody().get("transmittal_number");
        awaitCondition(() -> count("select count(*) from claim where status = 'SENT'") == 3);
        assertThat(Files.readAllLines(sftpServer.root().resolve("insurers/outbox/ENV_" + number + ".csv")).get(0))
                .isEqualTo("NUM_BORDEREAU|NUM_BULLETIN|MATRICULE|RANG|DATE_ACTE|CODE_ACTE|QTE|FRAIS|BASE_REMB");

        Map<String, Object> exchange = dropRemittance("RMB-ATL-20261126.txt", sample("insurer-remittances/RMB-ATL-20261126.txt"), 1);
        assertThat(exchange).containsEntry("status", "DONE").containsEntry("file_kind", "POL-ATL-2026").containsEntry("total_count", 5);
        List<Map<String, Object>> lines = jdbc.queryForList("""
                select r.line_no, c.claim_number, r.matched_by, r.outcome, r.suspense_reason, r.amount_paid, r.insurer_label
                from remittance_line r left join claim c on c.id = r.claim_id order by r.line_no""");
        assertThat(lines).extracting(r -> r.get("line_no"), r -> r.get("claim_number"), r -> r.get("outcome"),
                        r -> r.get("suspense_reason"), r -> r.get("amount_paid").toString())
                .containsExactly(
                        tuple(2, "BA-26-0001", "RECONCILED", null, "36.000"),
                        tuple(3, "BA-26-0001", "RECONCILED", null, "18.000"),
                        tuple(4, "BA-26-0002", "RECONCILED", null, "44.600"),
                        tuple(5, "BA-26-0003", "REJECTED", null, "0.000"),
                        tuple(6, null, "SUSPENSE", "UNKNOWN_CLAIM", "20.000"));
        assertThat(lines.get(3)).containsEntry("insurer_label", "Acte exclu de la garantie").containsEntry("matched_by", "CARE");
        assertThat(jdbc.queryForList("select payee_type, sum(amount) as total from payable group by payee_type order by 1"))
                .extracting(r -> r.get("payee_type"), r -> r.get("total").toString())
                .containsExactly(tuple("MEMBER", "54.000"), tuple("PROVIDER", "44.600"));
        assertThat(jdbc.queryForObject("select reason from complaint", String.class))
                .isEqualTo("rejected by the insurer: Acte exclu de la garantie");
        assertThat(jdbc.queryForObject("select status from claim_state where claim_number = 'BA-26-0003'", String.class))
                .isEqualTo("REJECTED_BY_INSURER");
    }
}
