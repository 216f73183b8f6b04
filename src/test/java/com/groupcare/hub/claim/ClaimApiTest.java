package com.groupcare.hub.claim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims through the API against members from a real HR file: valuation, vouchers, idempotence, cancellation. */
class ClaimApiTest extends HubIntegrationTest {

    static final String FAMILY = "matricule;rang;lien;nom;prenom;date_naissance;sexe;cin;date_embauche;date_sortie;"
            + "code_unite;rib;telephone;email;etudiant;handicape;date_effet;action\n"
            + "800001;00;A;TESTMEMBER;Ali;10/05/1980;M;12345678;01/01/2015;;DEX-SFN;;;;;;;A\n"
            + "800001;01;C;TESTSPOUSE;Rim;03/03/1982;F;87654321;;;;;;;;;;A\n"
            + "800001;10;E;TESTMEMBER;Sami;01/06/2014;M;;;;;;;;N;N;;A\n";


    @BeforeEach
    void familyAndProviders() {
        providers(jdbc);
        dropHrFile("RH_DELTA_20260101.csv", FAMILY.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20260101.csv")).containsEntry("status", "DONE");
    }

    @Test
    void aClaimIsValuedAtOnceAndTheSameFormTwiceIsRecordedOnce() {
        Map<String, Object> claim = post("/api/claims", claim("BS-0001", 0, "2026-03-10", line("C1", 1, "40.000", null),
                line("PH", 1, "57.350", null), line("ACU", 1, "80.000", null)));

        assertThat(claim).containsEntry("status", "VALUED").containsEntry("totalExpected", 71.615);
        assertThat(lines(claim)).extracting(l -> l.get("expected")).containsExactly(20.0, 51.615, 0.0);
        assertThat(lines(claim).get(0).get("reasons")).isEqualTo(List.of("TARIFF_APPLIED"));
        assertThat(lines(claim).get(2).get("reasons")).isEqualTo(List.of("ACT_NOT_COVERED"));

        assertThat(post("/api/claims", claim("BS-0001", 0, "2026-03-10", line("C1", 1, "40.000", null),
                line("PH", 1, "57.35", null), line("ACU", 1, "80", null)))).containsEntry("totalExpected", 71.615);
        ResponseEntity<String> changed = as("operator").postForEntity("/api/claims",
                claim("BS-0001", 0, "2026-03-10", line("C1", 1, "40.000", null)), String.class);
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(changed.getBody()).contains("already recorded with other content");
        assertThat(count("select count(*) from claim")).isEqualTo(1);
        assertThat(count("select count(*) from ceiling_reservation")).isEqualTo(2);
    }

    @Test
    void glassesNeedAVoucherAndASecondVoucherInsideThePeriodicityIsRefused() {
        Map<String, Object> voucher = post("/api/vouchers", Map.of("policyNumber", "POL-TRS-2026", "matricule", "800001",
                "rank", 1, "actCode", "OPT", "validFrom", "2026-03-01", "validTo", "2026-06-30"));
        ResponseEntity<String> second = as("operator").postForEntity("/api/vouchers", Map.of("policyNumber", "POL-TRS-2026",
                "matricule", "800001", "rank", 1, "actCode", "OPT", "validFrom", "2027-09-01", "validTo", "2027-12-31"), String.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        Map<String, Object> without = post("/api/claims", claim("BS-0002", 1, "2026-03-10", line("OPT", 1, "320.000", null)));
        assertThat(lines(without).get(0)).containsEntry("expected", 0.0).containsEntry("reasons", List.of("VOUCHER_MISSING"));
        Map<String, Object> with = post("/api/claims", claim("BS-0003", 1, "2026-03-10",
                line("OPT", 1, "320.000", (String) voucher.get("voucher_number"))));
        assertThat(lines(with).get(0)).containsEntry("expected", 250.0).containsEntry("reasons", List.of("CAP_APPLIED"));
        assertThat(jdbc.queryForObject("select status from care_voucher", String.class)).isEqualTo("CONSUMED");

        ResponseEntity<String> reused = as("operator").postForEntity("/api/claims", claim("BS-0004", 1, "2026-03-11",
                line("OPT", 1, "100.000", (String) voucher.get("voucher_number"))), String.class);
        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        Map<String, Object> hospital = post("/api/vouchers", Map.of("policyNumber", "POL-TRS-2026", "matricule", "800001",
                "rank", 0, "actCode", "HOS", "validFrom", "2026-03-01", "validTo", "2026-03-31"));
        String number = (String) hospital.get("voucher_number");
        ResponseEntity<String> twice = as("operator").postForEntity("/api/claims", claim("BS-0005", 0, "2026-03-12",
                line("HOS", 1, "120.000", number), line("HOS", 1, "120.000", number)), String.class);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(twice.getBody()).contains("appears on two lines");
        assertThat(count("select count(*) from claim where claim_number in ('BS-0004', 'BS-0005')")).isZero();
    }

    @Test
    void cancellingAClaimGivesItsCeilingBack() {
        post("/api/claims", claim("BS-0010", 0, "2026-02-01", line("PH", 1, "2000.000", null)));   // 1800.000
        Map<String, Object> capped = post("/api/claims", claim("BS-0011", 0, "2026-03-01", line("PH", 1, "300.000", null)));
        assertThat(capped).containsEntry("totalExpected", 200.0);                                   // 2000 - 1800
        assertThat(remainingForMember()).isEqualTo(0.0);

        Map<String, Object> cancelled = post("/api/claims/BS-0010/cancel", Map.of("reason", "entered twice"));

        assertThat(cancelled).containsEntry("status", "CANCELLED").containsEntry("cancelReason", "entered twice");
        assertThat(remainingForMember()).isEqualTo(1800.0);
        assertThat(post("/api/claims", claim("BS-0012", 0, "2026-03-02", line("PH", 1, "100.000", null))))
                .containsEntry("totalExpected", 90.0);
        ResponseEntity<String> again = as("operator").postForEntity("/api/claims/BS-0010/cancel", Map.of("reason", "x"), String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aClaimForSomeoneUnknownIsRefusedAndAnAuditorCannotRecordClaims() {
        ResponseEntity<String> unknown = as("operator").postForEntity("/api/claims",
                claim("BS-0020", 5, "2026-03-10", line("PH", 1, "10.000", null)), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("auditor").postForEntity("/api/claims", claim("BS-0021", 0, "2026-03-10", line("PH", 1, "10.000", null)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void socialFundVouchersAreIssuedWhileTheEmployerBudgetCoversThem() {
        assertThat(as("operator").exchange("/api/social-fund/budgets/2026", HttpMethod.PUT,
                new HttpEntity<>(Map.of("currency", "TND", "amount", "500")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("/api/social-fund/budgets/2026", Map.of("currency", "TND", "amount", "500"))).containsEntry("remaining", 500.0);
        ResponseEntity<String> invalid = as("operator").postForEntity("/api/social-fund/vouchers", Map.of("matricule", "800001",
                "rank", 0, "purpose", "aide", "amount", "-5"), String.class);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, Object> first = post("/api/social-fund/vouchers", Map.of("matricule", "800001", "rank", 10,
                "purpose", "lunettes hors contrat", "amount", "300.0004", "issuedOn", "2026-04-01"));
        assertThat(first).containsEntry("amount", 300.0);
        ResponseEntity<String> over = as("operator").postForEntity("/api/social-fund/vouchers", Map.of("matricule", "800001",
                "rank", 0, "purpose", "aide", "amount", "250", "issuedOn", "2026-05-01"), String.class);
        assertThat(over.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(over.getBody()).contains("200.000 left");

        assertThat(post("/api/social-fund/vouchers/" + first.get("voucherNumber") + "/cancel", Map.of("reason", "refused")))
                .containsEntry("remaining", 500.0).containsEntry("consumed", 0.0);
        Map<String, Object> request = Map.of("matricule", "800001", "rank", 0, "purpose", "aide",
                "amount", "250", "issuedOn", "2026-05-01", "requestId", "desk-42");
        Object number = post("/api/social-fund/vouchers", request).get("voucherNumber");
        assertThat(post("/api/social-fund/vouchers", request)).as("a retried request").containsEntry("voucherNumber", number);
        assertThat(count("select count(*) from social_fund_voucher where status = 'ISSUED'")).isEqualTo(1);
        assertThat(count("select count(*) from ceiling_reservation")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimFormsImportedFromCsvAreRecordedOnceAndABadFormIsRefusedWithItsLineNumbers() {
        String csv = "bulletin;police;matricule;rang;prestataire;date_soins;acte;quantite;montant;bon\n"
                + "BS-2001;POL-TRS-2026;800001;0;CAB-001;10/03/2026;C1;1;40.000;\n"        // 20.000
                + "BS-2001;POL-TRS-2026;800001;0;CAB-001;10/03/2026;PH;1;57,350;\n"        // 51.615
                + "BS-2002;POL-TRS-2026;800001;1;CAB-001;11/03/2026;PH;1;abc;\n"
                + "BS-2002;POL-TRS-2026;800001;1;CAB-001;11/03/2026;C1;1;25.000;\n"
                + "BS-2003;POL-TRS-2026;800001;7;CAB-001;12/03/2026;PH;1;10.000;\n";
        Map<String, Object> result = importClaims(csv);
        assertThat(result).containsEntry("outcome", "NEW");
        Object exchangeId = result.get("exchangeId");
        Map<String, Object> exchange = awaitStatus(exchangeId, "DONE_WITH_ERRORS");
        assertThat(exchange).containsEntry("partner", "desk").containsEntry("flow", "claims-import")
                .containsEntry("file_name", "saisie-mars.csv").containsEntry("submitted_by", "operator")
                .containsEntry("total_count", 5).containsEntry("accepted_count", 2).containsEntry("rejected_count", 3);
        assertThat(jdbc.queryForList("select line_no || ' ' || code from exchange_error where exchange_id = ? order by line_no",
                String.class, exchangeId)).containsExactly("4 INVALID_AMOUNT", "5 FORM_REFUSED", "6 CLAIM_REFUSED");
        assertThat(count("select count(*) from claim")).isEqualTo(1);

        Map<String, Object> again = importClaims(csv);
        assertThat(again).containsEntry("outcome", "DUPLICATE").containsEntry("duplicateOf", exchangeId);
        String edited = csv.replace("BS-2003;POL-TRS-2026;800001;7", "BS-2003;POL-TRS-2026;800001;1");
        Map<String, Object> corrected = importClaims(edited);
        awaitStatus(corrected.get("exchangeId"), "DONE_WITH_ERRORS");
        assertThat(count("select count(*) from claim")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select total_expected from claim where claim_number = 'BS-2001'", java.math.BigDecimal.class))
                .isEqualByComparingTo("71.615");
    }

    @Test
    void anImportWithAWrongHeaderIsRefusedAtOnceWithTheReason() {
        ResponseEntity<Map<String, Object>> refused = postCsv("bulletin;police\nBS-1;POL\n");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("reason")).contains("the header must be");
        assertThat(jdbc.queryForMap("select status from exchange where id = ?",
                ((Number) refused.getBody().get("exchangeId")).longValue())).containsEntry("status", "FAILED");
    }

    @Test
    void aFileNameThatIsNoFileNameIsABadRequestNotAServerError() {
        for (String name : List.of("/", "..", "dir/")) {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.valueOf("text/csv"));
            headers.set("X-File-Name", name);
            ResponseEntity<Map<String, Object>> refused = as("operator").exchange("/api/claims/import", HttpMethod.POST,
                    new HttpEntity<>(String.join(";", ClaimImportLines.HEADER) + "\n", headers),
                    new ParameterizedTypeReference<Map<String, Object>>() { });
            assertThat(refused.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
        }
        assertThat(ClaimImportUpload.plainName("C:\\saisie\\mars.csv")).isEqualTo("mars.csv");
        assertThat(count("select count(*) from exchange where flow = 'claims-import'")).isZero();
    }

    private Map<String, Object> importClaims(String csv) {
        ResponseEntity<Map<String, Object>> response = postCsv(csv);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        return response.getBody();
    }

    private ResponseEntity<Map<String, Object>> postCsv(String csv) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.valueOf("text/csv"));
        headers.set("X-File-Name", "saisie-mars.csv");
        return as("operator").exchange("/api/claims/import", HttpMethod.POST, new HttpEntity<>(csv, headers),
                new ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private Map<String, Object> put(String path, Object body) {
        ResponseEntity<Map<String, Object>> response = as("admin").exchange(path, HttpMethod.PUT, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The providers the claims of these tests name. */
    static void providers(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        for (String code : List.of("CAB-001", "PH-SFX-001")) {
            jdbc.update("""
                    insert into provider (code, name, specialty, conventioned, convention_start, status, created_at, updated_at)
                    values (?, 'Test provider', 'GENERALIST', true, date '2020-01-01', 'ACTIVE', now(), now())""", code);
        }
    }

    @Test
    void theSameFormSentTwiceAtOnceIsRecordedOnce() throws Exception {
        Map<String, Object> form = claim("BS-0050", 0, "2026-03-10", line("PH", 1, "100.000", null));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> as("operator").postForEntity("/api/claims", form, String.class));
            var second = pool.submit(() -> as("operator").postForEntity("/api/claims", form, String.class));
            assertThat(first.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(second.get().getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from claim where claim_number = 'BS-0050'")).isEqualTo(1);
        assertThat(count("select count(*) from ceiling_reservation")).isEqualTo(1);
    }

    @Test
    void unknownClaimsTransmittalsAndMembersAreNotFound() {
        assertThat(as("auditor").getForEntity("/api/claims/BS-NOPE", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("auditor").getForEntity("/api/transmittals/NOPE", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("auditor").getForEntity("/api/claims/history/999999?policyNumber=POL-TRS-2026", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("operator").postForEntity("/api/claims/BS-NOPE/cancel", Map.of("reason", "x"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAmountWithMoreDecimalsThanTheCurrencyIsRefused() {
        ResponseEntity<String> refused = as("operator").postForEntity("/api/claims",
                claim("BS-0040", 0, "2026-03-10", line("PH", 1, "10.0004", null)), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("more decimals than TND allows");
    }

    @Test
    void aClaimNamingAnUnknownProviderIsRefused() {
        Map<String, Object> body = new java.util.HashMap<>(claim("BS-0030", 0, "2026-03-10", line("PH", 1, "10.000", null)));
        body.put("providerCode", "NOPE-1");
        ResponseEntity<String> refused = as("operator").postForEntity("/api/claims", body, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("unknown provider NOPE-1");
    }

    @SuppressWarnings("unchecked")
    private double remainingForMember() {
        Map<String, Object> history = as("auditor").exchange("/api/claims/history/800001?policyNumber=POL-TRS-2026&asOf=2026-06-01",
                HttpMethod.GET, HttpEntity.EMPTY, new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
        Map<String, Object> ceilings = (Map<String, Object>) history.get("ceilings");
        List<Map<String, Object>> beneficiaries = (List<Map<String, Object>>) ceilings.get("beneficiaries");
        return ((Number) beneficiaries.get(0).get("beneficiary")).doubleValue();
    }

    static Map<String, Object> claim(String number, int rank, String date, Map<?, ?>... lines) {
        return Map.of("claimNumber", number, "policyNumber", "POL-TRS-2026", "matricule", "800001", "rank", rank,
                "providerCode", "PH-SFX-001", "dateOfCare", date, "lines", List.of(lines));
    }

    static Map<String, Object> line(String act, int quantity, String charged, String voucher) {
        return voucher == null ? Map.of("actCode", act, "quantity", quantity, "amountCharged", charged)
                : Map.of("actCode", act, "quantity", quantity, "amountCharged", charged, "voucherNumber", voucher);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> lines(Map<String, Object> claim) {
        return (List<Map<String, Object>>) claim.get("lines");
    }

    private Map<String, Object> post(String path, Object body) {
        ResponseEntity<Map<String, Object>> response = as("operator").exchange(path, HttpMethod.POST, new HttpEntity<>(body),
                new ParameterizedTypeReference<>() { });
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

}
