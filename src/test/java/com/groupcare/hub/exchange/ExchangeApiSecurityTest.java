package com.groupcare.hub.exchange;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Authentication, roles, and no personal data in API errors or logs. */
@ExtendWith(OutputCaptureExtension.class)
class ExchangeApiSecurityTest extends HubIntegrationTest {

    static final String HEADER = "matricule;rang;lien;nom;prenom;date_naissance;sexe;cin;date_embauche;date_sortie;"
            + "code_unite;rib;telephone;email;etudiant;handicape;date_effet;action\n";
    // a malformed national id, a RIB with a wrong key, and a valid member whose data must not leak to logs
    static final String DELTA = HEADER
            + "900001;00;A;ZARROUKLEAK;Faouzi;12/03/1980;M;12AB5678;01/02/2010;;DEX-SFN;;+21620000001;;;;;A\n"
            + "900002;00;A;BOUAZIZLEAK;Amel;02/07/1985;F;87654321;01/09/2012;;DAF-SS;12345678901234567890;;;;;;A\n"
            + "900003;00;A;KHEMIRILEAK;Sami;05/05/1975;M;11223344;01/01/2000;;DEX-GAB;;;;;;;A\n";


    @Test
    void everyEndpointButHealthNeedsCredentials() {
        assertThat(http.getForEntity("/api/exchanges", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/members", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "wrong").getForEntity("/api/exchanges", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void rolesAreEnforced() {
        assertThat(as("integrator").getForEntity("/api/members", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").getForEntity("/actuator/hawtio/", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").getForEntity("/api/members", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("auditor").getForEntity("/api/providers", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("auditor").getForEntity("/api/contracts", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("auditor").postForEntity("/api/transmittals", java.util.Map.of("policyNumber", "POL-TRS-2026"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").getForEntity("/api/exchanges", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("integrator").getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDeskReadsAndActsOnlyOnTheFilesOfItsFlowsThroughTheApiToo() {
        long payments = jdbc.queryForObject("insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status) "
                + "values ('bank', 'payments', 'OUT', 'PAY_1.xml', md5('c') || md5('d'), 10, 'FAILED') returning id", Long.class);
        assertThat(as("operator").getForEntity("/api/exchanges/" + payments, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").postForEntity("/api/exchanges/" + payments + "/replay", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("operator").getForObject("/api/exchanges?flow=payments", List.class)).isEmpty();
        assertThat(as("integrator").getForObject("/api/exchanges?flow=payments", List.class)).hasSize(1);
        assertThat(as("auditor").getForEntity("/api/exchanges/" + payments, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthShowsDatabaseBrokerAndRoutesToAuthorisedUsers() {
        ResponseEntity<String> health = as("integrator").getForEntity("/actuator/health", String.class);
        assertThat(health.getBody()).contains("\"db\"", "\"jms\"", "\"camelHealth\"");
    }

    @Test
    void exchangeErrorsAndLogsCarryNoPersonalData(CapturedOutput output) {
        dropHrFile("RH_DELTA_20261120.csv", DELTA.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> row = awaitExchange("RH_DELTA_20261120.csv");
        assertThat(row).containsEntry("rejected_count", 2).containsEntry("accepted_count", 1);

        ResponseEntity<String> detail = as("operator").getForEntity("/api/exchanges/" + row.get("id"), String.class);
        assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(detail.getBody()).contains("INVALID_NATIONAL_ID", "INVALID_BANK_ACCOUNT")
                .doesNotContain("12AB5678", "12345678901234567890", "ZARROUKLEAK", "BOUAZIZLEAK", "Faouzi");
        assertThat(output.getAll()).doesNotContain("12AB5678", "12345678901234567890", "87654321", "11223344",
                "ZARROUKLEAK", "BOUAZIZLEAK", "KHEMIRILEAK");
        assertThat(as("operator").getForEntity("/api/members/900003", String.class).getBody()).contains("KHEMIRILEAK", "11223344");
        assertThat(as("auditor").getForEntity("/api/members/900003", String.class).getBody())
                .contains("KHEMIRILEAK", "11****44").doesNotContain("11223344");
    }

}
