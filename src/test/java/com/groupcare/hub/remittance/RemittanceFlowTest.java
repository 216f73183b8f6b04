package com.groupcare.hub.remittance;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The insurer's remittance samples over SFTP against the claims sample's transmittal: what each
 * line becomes (EXPECTED.md), what is payable to whom, complaints, suspense and overpayments; a
 * complaint closed by the next remittance, an overpayment deducted from the next payable; the
 * same file twice changes nothing, even saved again with other line ends.
 */
class RemittanceFlowTest extends RemittanceSamples {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jms.core.JmsTemplate jms;

    @Test
    @SuppressWarnings("unchecked")
    void theSampleRemittancesGiveExactlyWhatExpectedMdSays() {
        jms.setReceiveTimeout(200);
        while (jms.receive("remittance.payables") != null) {
            // notices left by other tests of this broker
        }
        claimsSentToTheInsurer();
        Map<String, Object> first = dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        assertThat(first).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("partner", "insurers")
                .containsEntry("flow", "insurer-remittance").containsEntry("file_kind", "POL-TRS-2026")
                .containsEntry("total_count", 11).containsEntry("rejected_count", 1);
        assertFirstRemittance();
        // the member's history shows the insurer's answer; the family ceiling counts what was paid, not what was expected
        Map<String, Object> history = as("auditor").getForObject("/api/claims/history/000002?policyNumber=POL-TRS-2026&asOf=2026-11-30",
                Map.class);
        assertThat((List<Map<String, Object>>) history.get("claims")).filteredOn(c -> c.get("claimNumber").equals("BS-26-0004"))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("status", "REJECTED_BY_INSURER")
                        .containsEntry("insurerReason", "Plafond atteint").containsEntry("totalPaid", 0.0));
        assertThat(((Map<String, Object>) history.get("ceilings")).get("family").toString())
                .as("5000 - (108.000 paid + 0 of the 150.000 rejected + 30.000 expected, not answered yet)").isEqualTo("4862.0");

        Map<String, Object> second = dropRemittance(SECOND, sample("insurer-remittances/" + SECOND), 1);
        assertThat(second).containsEntry("status", "DONE").containsEntry("total_count", 3);
        assertThat(lines(second)).containsExactly(
                tuple(2, "BS-26-0002", "REGULARISATION", null, "6.000"),
                tuple(3, "BS-26-0008", "RECONCILED", null, "30.000"),
                tuple(4, "BS-26-0007", "RECONCILED", null, "30.002"));
        assertThat(jdbc.queryForList("select k.status, k.close_reason from complaint k join claim c on c.id = k.claim_id "
                + "where c.claim_number = 'BS-26-0002'")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "CLOSED").containsEntry("close_reason", "regularised by a later remittance line"));
        assertThat(jdbc.queryForMap("select amount, recovered, net_amount, payee, lines from payable where exchange_id = ? "
                + "and payee = 'SFX-005'", second.get("id"))).containsEntry("lines", 1)
                .satisfies(row -> assertThat(money(row, "amount", "recovered", "net_amount")).containsExactly("30.000", "15.000", "15.000"));
        assertThat(jdbc.queryForMap("select status, recovered from overpayment where payee = 'SFX-005'"))
                .containsEntry("status", "RECOVERED").satisfies(row -> assertThat(money(row, "recovered")).containsExactly("15.000"));
        assertThat(jdbc.queryForMap("select amount from overpayment_recovery").get("amount").toString()).isEqualTo("15.000");
        assertThat(claimStatuses()).contains(entry("BS-26-0002", "REIMBURSED"), entry("BS-26-0007", "REIMBURSED"),
                entry("BS-26-0008", "REIMBURSED"));

        // the payment step hears of each remittance whose payables are ready (the exchange id, no personal data)
        jms.setReceiveTimeout(5000);
        assertThat(List.of(jms.receiveAndConvert("remittance.payables"), jms.receiveAndConvert("remittance.payables")))
                .containsExactly("{\"exchangeId\":" + first.get("id") + "}", "{\"exchangeId\":" + second.get("id") + "}");

        Map<String, Object> again = dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 2);
        assertThat(again).containsEntry("status", "DUPLICATE");
        assertThat(dropRemittance("REMB_POL-TRS-2026_20261130.csv", sample("insurer-remittances/" + FIRST), 1))
                .as("the same bytes under another name").containsEntry("status", "DUPLICATE");
        byte[] resaved = ("\uFEFF" + new String(sample("insurer-remittances/" + SECOND), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\n", "\r\n")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(dropRemittance("REMB_POL-TRS-2026_20261203.csv", resaved, 1))
                .as("the second file saved again with a byte order mark and Windows line ends: its underpaid line "
                        + "would otherwise be paid a second time").containsEntry("status", "DUPLICATE");
        assertThat(count("select count(*) from remittance_line")).isEqualTo(13);
        assertThat(count("select count(*) from payable")).as("one per payee and file").isEqualTo(7);
        assertThat(jdbc.queryForObject("select amount from payable where exchange_id = ? and payee_type = 'MEMBER'",
                java.math.BigDecimal.class, second.get("id"))).as("member 000001: 6.000 + 30.002").isEqualByComparingTo("36.002");
    }
}
