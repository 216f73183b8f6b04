package com.groupcare.hub.provider;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.groupcare.hub.common.BankAccounts;
import com.groupcare.hub.common.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT, GET and search through HTTP: rules, roles, masking and the audit trail. */
class ProviderApiTest extends ProviderApiSupport {

    static final String RIB = "100230000123456789" + BankAccounts.ribKey("100230000123456789");
    static final String PHARMACY = """
            {"name": "Pharmacie Ibn Sina", "specialty": "PHARMACY", "conventioned": true,
             "conventionStart": "2026-01-01", "conventionEnd": "2026-12-31", "bankAccount": "%s",
             "phone": "+21673111222", "email": "ibnsina@example.tn", "city": "Mahdia"}""".formatted(RIB);

    @Test
    void putCreatesThenUpdatesAndAuditsEachChangeOnce() {
        ResponseEntity<String> created = put("operator", "MAH-100", PHARMACY);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode detail = read(created.getBody(), JsonNode.class);
        assertThat(detail.at("/provider/bankAccount").asText()).as("full account on the single provider").isEqualTo(RIB);
        assertThat(detail.at("/provider/status").asText()).isEqualTo("ACTIVE");

        assertThat(put("operator", "MAH-100", PHARMACY).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(auditActions()).as("the same data twice is audited once").containsExactly("CREATE MAH-100 by operator");

        assertThat(put("admin", "MAH-100", PHARMACY.replace("+21673111222", "+21673999888")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode history = getJson("operator", "/api/providers/MAH-100").get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("actor").asText()).isEqualTo("admin");
        assertThat(read(history.get(1).get("before").asText(), JsonNode.class).get("phone").asText()).isEqualTo("+21673111222");
        assertThat(read(history.get(1).get("after").asText(), JsonNode.class).get("phone").asText()).isEqualTo("+21673999888");
    }

    @Test
    void aProviderSetInactiveStaysInactiveWhenTheListIsImportedAgain() {
        importAsOperator(sample(SAMPLE));
        String body = getJson("operator", "/api/providers/GAB-002").get("provider").toString()
                .replace("\"ACTIVE\"", "\"INACTIVE\"");
        assertThat(put("operator", "GAB-002", body).getStatusCode()).isEqualTo(HttpStatus.OK);

        ProviderImportResult again = importAsOperator(sample(SAMPLE));

        assertThat(again.unchanged()).isEqualTo(37);
        assertThat(providers.findByCode("GAB-002").orElseThrow().getStatus()).isEqualTo(Provider.Status.INACTIVE);
    }

    @Test
    void nothingIsDeletedAProviderIsSetInactiveAndStaysSo() {
        put("operator", "MAH-100", PHARMACY);
        put("operator", "MAH-100", PHARMACY.replace("\"city\"", "\"status\": \"INACTIVE\", \"city\""));
        assertThat(put("operator", "MAH-100", PHARMACY).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(providers.findByCode("MAH-100").orElseThrow().getStatus())
                .as("a PUT without status keeps the current one").isEqualTo(Provider.Status.INACTIVE);
        assertThat(auditActions()).containsExactly("CREATE MAH-100 by operator", "UPDATE MAH-100 by operator");
    }

    @Test
    void putRefusesABrokenRuleWithItsReasonAndNoValue() {
        assertRefused("MAH-100", PHARMACY.replace(RIB, "10023000012345678900"), "INVALID_BANK_ACCOUNT", "bankAccount");
        assertRefused("MAH-100", PHARMACY.replace("2026-12-31", "2025-12-31"), "INVALID_DATE", "conventionEnd is before conventionStart");
        assertRefused("MAH-100", PHARMACY.replace("\"" + RIB + "\"", "null"), "MISSING_FIELD", "bankAccount is required");
        assertRefused("MAH-100", PHARMACY.replace("\"conventionStart\": \"2026-01-01\", ", ""), "MISSING_FIELD", "conventionStart");
        assertRefused("MAH-100", PHARMACY.replace("PHARMACY", "VET"), "INVALID_CODE", "specialty must be one of");
        assertRefused("MAH-100", PHARMACY.replace("\"Pharmacie Ibn Sina\"", "\" \""), "MISSING_FIELD", "name is required");
        assertRefused("mah-100", PHARMACY, "INVALID_CODE", "code must be");
        assertRefused("MAH-100", PHARMACY.replace("ibnsina@example.tn", "ibnsina"), "INVALID_CONTACT", "email");
        assertThat(count("select count(*) from provider")).isZero();
        assertThat(count("select count(*) from audit_entry")).isZero();
    }

    @Test
    void onlyAdminAndOperatorWrite() {
        assertThat(put("integrator", "MAH-100", PHARMACY).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("auditor", "MAH-100", PHARMACY).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postCsv("integrator", sample(SAMPLE)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("integrator").getForEntity("/api/providers", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/providers", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(count("select count(*) from provider")).isZero();

        assertThat(put("admin", "MAH-100", PHARMACY).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("operator").getForEntity("/api/providers/MAH-100", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("operator").getForEntity("/api/providers/NONE", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theListMasksBankAccountsAndFiltersBySpecialtyConventionAndName() {
        importAsOperator(sample(SAMPLE));
        ResponseEntity<String> all = as("operator").getForEntity("/api/providers?size=100", String.class);
        JsonNode page = read(all.getBody(), JsonNode.class);
        assertThat(page.get("totalElements").asInt()).isEqualTo(37);
        List<String> accounts = jdbc.queryForList("select bank_account from provider where bank_account is not null", String.class);
        assertThat(accounts).hasSize(32).allSatisfy(a -> assertThat(all.getBody()).doesNotContain(a));
        JsonNode sfx001 = page.get("content").get(findIndex(page, "SFX-001"));
        assertThat(sfx001.get("bankAccountMasked").asText())
                .isEqualTo(PersonalData.mask(providers.findByCode("SFX-001").orElseThrow().getBankAccount()));

        assertThat(total("/api/providers?specialty=PHARMACY")).isEqualTo(7);
        assertThat(total("/api/providers?conventioned=true&on=2026-11-01")).isEqualTo(29);
        assertThat(total("/api/providers?conventioned=false&on=2026-11-01")).isEqualTo(8);
        assertThat(total("/api/providers?conventioned=true&on=2027-01-01")).as("four conventions end 31/12/2026, one starts")
                .isEqualTo(29 - 4 + 1);
        assertThat(total("/api/providers?specialty=PHARMACY&conventioned=true&on=2026-11-01")).isEqualTo(6);
        assertThat(total("/api/providers?name=PHARMACIE")).isEqualTo(7);
        assertThat(total("/api/providers?name=gabès")).isEqualTo(3);
        assertThat(total("/api/providers?name=100%")).isZero();
    }

    @Test
    void theEndpointsAreDescribedInOpenApi() {
        assertThat(as("operator").getForObject("/v3/api-docs", String.class))
                .contains("\"Providers\"", "\"/api/providers/import\"", "\"text/csv\"", "\"/api/providers/{code}\"");
    }

    private void assertRefused(String code, String body, String reason, String messagePart) {
        ResponseEntity<String> response = put("operator", code, body);
        assertThat(response.getStatusCode()).as(body).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = read(response.getBody(), JsonNode.class);
        assertThat(problem.get("code").asText()).isEqualTo(reason);
        assertThat(problem.get("detail").asText()).contains(messagePart);
        assertThat(response.getBody()).doesNotContain("10023000012345678900", "Pharmacie Ibn Sina");
    }

    private int total(String path) {
        return getJson("operator", path).get("totalElements").asInt();
    }

    private static int findIndex(JsonNode page, String code) {
        for (int i = 0; i < page.get("content").size(); i++) {
            if (page.get("content").get(i).get("code").asText().equals(code)) {
                return i;
            }
        }
        throw new AssertionError(code + " not in the page");
    }
}
