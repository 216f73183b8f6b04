package com.groupcare.hub.remittance;

import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The road a remittance answers, taken as the desk and the partners take it: the HR snapshot over
 * SFTP, the providers and the claims sample uploaded through the API, the transmittal sent to the
 * insurer; then the insurer's remittance samples dropped on its SFTP inbox.
 */
abstract class RemittanceSamples extends HubIntegrationTest {

    static final String FIRST = "REMB_POL-TRS-2026_20261125.csv";
    static final String SECOND = "REMB_POL-TRS-2026_20261202.csv";

    /** Members, providers, the eight claim forms of the sample, and their transmittal POL-TRS-2026-00001 sent. */
    void claimsSentToTheInsurer() {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        assertThat(awaitExchange("RH_COMPLET_20261101.csv").get("status")).isIn("DONE", "DONE_WITH_ERRORS");
        assertThat(upload("/api/providers/import", "PRESTATAIRES_20261101.csv", sample("providers/PRESTATAIRES_20261101.csv"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        ResponseEntity<Map> claims = upload("/api/claims/import", "BULLETINS_20261110.csv", sample("claims/BULLETINS_20261110.csv"));
        assertThat(claims.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(awaitStatus(claims.getBody().get("exchangeId"), "DONE")).containsEntry("rejected_count", 0);
        ResponseEntity<Map> transmittal = as("operator").postForEntity("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), Map.class);
        assertThat(transmittal.getBody()).containsEntry("transmittal_number", "POL-TRS-2026-00001").containsEntry("claim_count", 8);
        awaitCondition(() -> count("select count(*) from claim where status = 'SENT'") == 8);
    }

    Map<String, Object> dropRemittance(String fileName, byte[] content, int occurrence) {
        dropOverSftp("insurers/inbox", fileName, content);
        return awaitExchange(fileName, occurrence);
    }

    @SuppressWarnings("rawtypes")
    ResponseEntity<Map> upload(String path, String name, byte[] csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.set("X-File-Name", name);
        return as("operator").postForEntity(path, new HttpEntity<>(csv, headers), Map.class);
    }

    static void awaitCondition(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
