package com.groupcare.hub.claim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Findings of the hidden book of hand-valued claims: ceilings belong to one contract, an act-family
 * ceiling may be shared by the family, a grown-up child is told AGE_LIMIT, a retried voucher request
 * issues one voucher, a cancelled form sent again is a conflict, a policy covers only its org units,
 * and cover ends at the renewal after 65.
 */
class ClaimContractScopeTest extends HubIntegrationTest {

    static final String FAMILY = ClaimApiTest.FAMILY
            + "800001;11;E;TESTMEMBER;Lina;01/01/2004;F;;;;;;;;N;N;;A\n"    // 21 on 01/01/2025: cover ended 31/12/2024
            // in DTM (covered by POL-ATL-2026 too); 65 on 15/02/2025: cover ended at the renewal of 01/01/2026
            + "800002;00;A;TESTSENIOR;Habib;15/02/1960;M;11223344;01/01/2000;;DTM-PNE;;;;;;;A\n"
            + "800002;01;C;TESTSENIOR;Sonia;20/09/1970;F;44332211;;;;;;;;;;A\n";

    @BeforeEach
    void familyLoaded() {
        dropHrFile("RH_DELTA_20260101.csv", FAMILY.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20260101.csv")).containsEntry("status", "DONE");
    }

    @Test
    void aCeilingUsedUpUnderOnePolicyLeavesAnotherPolicyWhole() {
        contract("POL-TND-BASE", "TND", "100.000", "OPTICAL: 300.000");
        contract("POL-MAD-COMP", "MAD", "100.00", "OPTICAL: 300.00");
        assertThat(lines(claim("BS-T1", "POL-TND-BASE", 0, "PH", "150.000"))).containsExactly("100 BENEFICIARY_CEILING");
        assertThat(lines(claim("BS-T2", "POL-TND-BASE", 0, "PH", "10.000")))
                .containsExactly("0 CEILING_EXHAUSTED,BENEFICIARY_CEILING");
        assertThat(lines(claim("BS-M1", "POL-MAD-COMP", 0, "PH", "60.00"))).containsExactly("60 ");
    }

    @Test
    void anOpticalCeilingPerFamilyIsSharedByItsMembersOnePerBeneficiaryIsNot() {
        contract("POL-FAM-OPT", "TND", "5000.000", "OPTICAL: { amount: 300.000, scope: FAMILY }");
        assertThat(lines(claim("BS-F1", "POL-FAM-OPT", 10, "OPT", "200.000"))).containsExactly("200 ");
        assertThat(lines(claim("BS-F2", "POL-FAM-OPT", 1, "OPT", "200.000"))).containsExactly("100 ACT_FAMILY_CEILING");

        contract("POL-BEN-OPT", "TND", "5000.000", "OPTICAL: 300.000");
        assertThat(lines(claim("BS-B1", "POL-BEN-OPT", 10, "OPT", "200.000"))).containsExactly("200 ");
        assertThat(lines(claim("BS-B2", "POL-BEN-OPT", 1, "OPT", "200.000"))).containsExactly("200 ");
    }

    @Test
    void aChildPastTheAgeLimitIsToldAgeLimitNotRightsClosed() {
        assertThat(lines(claim("BS-A1", "POL-TRS-2026", 11, "C1", "40.000"))).containsExactly("0 AGE_LIMIT");
        assertThat(lines(claim("BS-A2", "POL-TRS-2026", 10, "C1", "40.000"))).containsExactly("20 TARIFF_APPLIED");
    }

    @Test
    void aPolicyThatDoesNotCoverTheMembersUnitGivesNoRights() {
        // POL-ATL-2026 covers the DTM units only (mappings/insurers/POL-ATL-2026.yaml, org-units)
        assertThat(lines(claim("BS-U1", "POL-ATL-2026", 0, "PH", "100.000"))).containsExactly("0 RIGHTS_CLOSED");
        assertThat(lines(claim("BS-U2", "POL-TRS-2026", 0, "PH", "100.000"))).containsExactly("90 ");
        assertThat(lines(claim(form("BS-U3", "POL-ATL-2026", "800002", 1, "PH", "100.000")))).containsExactly("90 ");
        assertThat(count("select count(*) from ceiling_reservation r join claim c on c.id = r.claim_id "
                + "where c.claim_number = 'BS-U1'")).isZero();
        assertThat(post("/api/vouchers", voucher("POL-ATL-2026", "800001", 0)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post("/api/vouchers", voucher("POL-ATL-2026", "800002", 1)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static Map<String, Object> voucher(String policy, String matricule, int rank) {
        return Map.of("policyNumber", policy, "matricule", matricule, "rank", rank, "actCode", "OPT",
                "validFrom", "2026-03-01", "validTo", "2026-06-30");
    }

    @Test
    void aMemberPast65IsCoveredUntilTheRenewalAfterTheBirthdayNotBeyond() {
        assertThat(lines(claim(form("BS-S1", "POL-TRS-2026", "800002", 0, "PH", "100.000")))).containsExactly("0 AGE_LIMIT");
        assertThat(lines(claim(form("BS-S2", "POL-TRS-2026", "800002", 1, "PH", "100.000")))).containsExactly("90 ");
        Map<String, Object> lastYear = new java.util.HashMap<>(form("BS-S3", "POL-TRS-2026", "800002", 0, "PH", "100.000"));
        lastYear.put("dateOfCare", "2025-12-31");
        assertThat(lines(claim(lastYear))).containsExactly("80 ");
        ResponseEntity<Map<String, Object>> refused = post("/api/vouchers", voucher("POL-TRS-2026", "800002", 0));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("rights are not open on 2026-03-01");
    }

    @Test
    void careInTheFutureOrAnAmountWithAnExponentIsRefusedAtOnce() {
        Map<String, Object> future = new java.util.HashMap<>(form("BS-FUT", "POL-TRS-2026", 0, "PH", "10.000"));
        future.put("dateOfCare", java.time.LocalDate.now().plusDays(3).toString());
        ResponseEntity<Map<String, Object>> refused = post("/api/claims", future);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("is in the future");

        long start = System.nanoTime();
        Map<String, Object> huge = Map.of("claimNumber", "BS-EXP", "policyNumber", "POL-TRS-2026", "matricule", "800001",
                "rank", 0, "dateOfCare", "2026-03-10",
                "lines", List.of(Map.of("actCode", "PH", "quantity", 1, "amountCharged", new java.math.BigDecimal("1E+99999999"))));
        ResponseEntity<Map<String, Object>> exponent = post("/api/claims", huge);
        assertThat(exponent.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(exponent.getBody())).contains("at most 12 digits before the decimal point");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("refused before any arithmetic")
                .isLessThan(java.time.Duration.ofSeconds(10));
        assertThat(count("select count(*) from claim")).isZero();
    }

    @Test
    void aRetriedVoucherRequestIssuesOneVoucher() {
        Map<String, Object> request = Map.of("policyNumber", "POL-TRS-2026", "matricule", "800001", "rank", 1, "actCode", "OPT",
                "validFrom", "2026-03-01", "validTo", "2026-06-30", "requestId", "desk-42");
        ResponseEntity<Map<String, Object>> first = post("/api/vouchers", request);
        ResponseEntity<Map<String, Object>> retry = post("/api/vouchers", request);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody().get("voucher_number")).isEqualTo(first.getBody().get("voucher_number"));
        assertThat(count("select count(*) from care_voucher")).isEqualTo(1);

        Map<String, Object> other = new java.util.HashMap<>(request);
        other.put("validTo", "2026-07-31");
        assertThat(post("/api/vouchers", other).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aCancelledFormSentAgainIsAConflictNotTheCancelledClaim() {
        claim("BS-C1", "POL-TRS-2026", 0, "PH", "20.000");
        assertThat(post("/api/claims/BS-C1/cancel", Map.of("reason", "entered twice")).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> again = post("/api/claims", form("BS-C1", "POL-TRS-2026", 0, "PH", "20.000"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(String.valueOf(again.getBody())).contains("was cancelled");
        assertThat(count("select count(*) from ceiling_reservation where released_at is null")).isZero();
    }

    private void contract(String policy, String currency, String beneficiaryCeiling, String actFamilies) {
        String yaml = """
                policy-number: %s
                insurer: Test insurer
                currency: %s
                year-start: "01-01"
                schedules:
                  - version: 1
                    valid-from: 2025-01-01
                    ceilings:
                      beneficiary-year: %s
                      act-families: { %s }
                    acts:
                      - { code: PH,  family: PHARMACY, rate: 1.00 }
                      - { code: OPT, family: OPTICAL,  rate: 1.00 }
                """.formatted(policy, currency, beneficiaryCeiling, actFamilies);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.valueOf("application/yaml"));
        ResponseEntity<String> put = as("admin").exchange("/api/contracts/" + policy, HttpMethod.PUT,
                new HttpEntity<>(yaml, headers), String.class);
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(HttpStatus.OK);
    }

    private Map<String, Object> claim(String number, String policy, int rank, String act, String amount) {
        return claim(form(number, policy, rank, act, amount));
    }

    private Map<String, Object> claim(Map<String, Object> form) {
        ResponseEntity<Map<String, Object>> created = post("/api/claims", form);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.OK);
        return created.getBody();
    }

    private static Map<String, Object> form(String number, String policy, int rank, String act, String amount) {
        return form(number, policy, "800001", rank, act, amount);
    }

    private static Map<String, Object> form(String number, String policy, String matricule, int rank, String act, String amount) {
        return Map.of("claimNumber", number, "policyNumber", policy, "matricule", matricule, "rank", rank,
                "dateOfCare", "2026-03-10", "lines", List.of(Map.of("actCode", act, "quantity", 1, "amountCharged", amount)));
    }

    /** Each line as "expected reasons", the amount without trailing zeros (JSON numbers do not keep the scale). */
    @SuppressWarnings("unchecked")
    private static List<String> lines(Map<String, Object> claim) {
        return ((List<Map<String, Object>>) claim.get("lines")).stream()
                .map(l -> new java.math.BigDecimal(String.valueOf(l.get("expected"))).stripTrailingZeros().toPlainString() + " "
                        + String.join(",", (List<String>) l.get("reasons"))).toList();
    }

    private ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return as("operator").exchange(path, HttpMethod.POST, new HttpEntity<>(body), new ParameterizedTypeReference<>() { });
    }
}
