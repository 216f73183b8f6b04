package com.groupcare.hub.remittance;

import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The road a remittance answers, taken as the desk and the partners take it: the HR snapshot over
 * SFTP, the providers and the claims sample uploaded through the API, the transmittal sent to the
 * insurer; then the insurer's remittance samples dropped on its SFTP inbox.
 */
public abstract class RemittanceSamples extends HubIntegrationTest {

    public static final String FIRST = "REMB_POL-TRS-2026_20261125.csv";
    static final String SECOND = "REMB_POL-TRS-2026_20261202.csv";

    /** Members, providers, the eight claim forms of the sample, and their transmittal POL-TRS-2026-00001 sent. */
    public void claimsSentToTheInsurer() {
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

    public Map<String, Object> dropRemittance(String fileName, byte[] content, int occurrence) {
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

    /** What the first sample must produce, whatever the order its chunks were applied in. */
    void assertFirstRemittance() {
        Map<String, Object> exchange = jdbc.queryForMap("select * from exchange where file_name = ? and status <> 'DUPLICATE'", FIRST);
        assertThat(lines(exchange)).containsExactly(
                        tuple(2, "BS-26-0001", "RECONCILED", null, "20.000"),
                        tuple(3, "BS-26-0001", "RECONCILED", null, "40.700"),
                        tuple(4, "BS-26-0002", "UNDERPAID", null, "30.000"),
                        tuple(5, "BS-26-0003", "RECONCILED", null, "108.000"),
                        tuple(6, "BS-26-0004", "REJECTED", null, "0.000"),
                        tuple(7, "BS-26-0005", "OVERPAID", null, "75.000"),
                        tuple(8, "BS-26-0003", "SUSPENSE", "ALREADY_PAID", "108.000"),
                        tuple(9, "BS-26-0999", "SUSPENSE", "UNKNOWN_CLAIM", "20.000"),
                        tuple(10, null, "RECONCILED", null, "36.000"),
                        tuple(12, "BS-26-0001", "REVERSAL", null, "-20.000"));
        assertThat(jdbc.queryForList("select line_no, code from exchange_error where exchange_id = ?", exchange.get("id")))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("line_no", 11).containsEntry("code", "BAD_DATE"));
        assertThat(jdbc.queryForObject("select c.claim_number from remittance_line r join claim c on c.id = r.claim_id "
                + "where r.line_no = 10", String.class)).as("matched by matricule, rank, act and date").isEqualTo("BS-26-0006");

        assertThat(jdbc.queryForList("""
                select payee_type, count(*) as n, sum(lines) as lines, sum(amount) as total from payable
                group by payee_type order by payee_type"""))
                .extracting(r -> r.get("payee_type"), r -> ((Number) r.get("n")).intValue(), r -> ((Number) r.get("lines")).intValue(),
                        r -> r.get("total").toString())
                .containsExactly(tuple("MEMBER", 2, 2, "66.000"), tuple("PROVIDER", 3, 4, "243.700"));
        assertThat(count("select count(*) from remittance_line r join payable p on p.id = r.payable_id "
                + "where r.payee = p.payee and r.amount_paid > 0 and r.outcome <> 'SUSPENSE'")).as("every paid line names its payable").isEqualTo(6);
        assertThat(jdbc.queryForList("""
                select c.claim_number, k.expected, k.paid, k.difference, k.reason, k.status from complaint k
                join claim c on c.id = k.claim_id order by c.claim_number"""))
                .extracting(r -> r.get("claim_number"), r -> r.get("difference").toString(), r -> r.get("reason"), r -> r.get("status"))
                .containsExactly(
                        tuple("BS-26-0002", "-6.000", "paid 30.000, 36.000 expected", "OPEN"),
                        tuple("BS-26-0004", "-150.000", "rejected by the insurer: Plafond atteint", "OPEN"));
        assertThat(jdbc.queryForList("select origin, payee_type, payee, amount, status from overpayment order by id"))
                .extracting(r -> r.get("origin"), r -> r.get("payee"), r -> r.get("amount").toString(), r -> r.get("status"))
                .containsExactly(tuple("ABOVE_INSURED_SHARE", "SFX-005", "15.000", "OPEN"),
                        tuple("REVERSAL", "SFX-001", "20.000", "OPEN"));
        assertThat(claimStatuses()).contains(entry("BS-26-0001", "PARTIALLY_REIMBURSED"), entry("BS-26-0002", "PARTIALLY_REIMBURSED"),
                entry("BS-26-0003", "REIMBURSED"), entry("BS-26-0004", "REJECTED_BY_INSURER"), entry("BS-26-0005", "REIMBURSED"),
                entry("BS-26-0006", "REIMBURSED"), entry("BS-26-0007", "SENT"), entry("BS-26-0008", "SENT"));
        assertThat(jdbc.queryForObject("select insurer_reason from claim_state where claim_number = 'BS-26-0004'", String.class))
                .isEqualTo("Plafond atteint");
    }

    List<org.assertj.core.groups.Tuple> lines(Map<String, Object> exchange) {
        return jdbc.queryForList("select line_no, claim_number, outcome, suspense_reason, amount_paid from remittance_line "
                + "where exchange_id = ? order by line_no", exchange.get("id")).stream()
                .map(r -> tuple(r.get("line_no"), r.get("claim_number"), r.get("outcome"), r.get("suspense_reason"),
                        r.get("amount_paid").toString())).toList();
    }

    Map<String, String> claimStatuses() {
        Map<String, String> statuses = new java.util.TreeMap<>();
        jdbc.queryForList("select claim_number, status from claim_state").forEach(r -> statuses.put((String) r.get("claim_number"),
                (String) r.get("status")));
        return statuses;
    }

    static Map.Entry<String, String> entry(String claim, String status) {
        return Map.entry(claim, status);
    }

    static List<String> money(Map<String, Object> row, String... columns) {
        return java.util.Arrays.stream(columns).map(c -> row.get(c).toString()).toList();
    }
}
