package com.groupcare.hub.payment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bank's answers (inbox-samples/bank-status/EXPECTED.md): accepted transfers paid, rejected ones payable again, twice = once. */
class PaymentStatusTest extends BankStatusSamples {

    @Test
    void aPain002MarksEachTransferAndARejectedOneIsPaidAgainLater() {
        batchSentFrom("STB-TND");
        String report = "PAIN002_20261211_PAY-000001.xml";
        dropOverSftp("bank/inbox", report, sample("bank-status/" + report));
        Map<String, Object> exchange = awaitExchange(report);
        assertThat(exchange).containsEntry("flow", "bank-status").containsEntry("status", "DONE_WITH_ERRORS").containsEntry("rejected_count", 1);
        assertThat(jdbc.queryForList("select code, message from exchange_error where exchange_id = ?", exchange.get("id")))
                .singleElement().satisfies(e -> assertThat(e).containsEntry("code", "UNKNOWN_TRANSFER"));
        assertThat(statuses()).containsExactly(Map.entry("PAY-000001-1", "ACCEPTED"), Map.entry("PAY-000001-2", "REJECTED"),
                Map.entry("PAY-000001-3", "ACCEPTED"), Map.entry("PAY-000001-4", "ACCEPTED"));
        assertThat(jdbc.queryForObject("select status_reason from transfer where end_to_end_id = 'PAY-000001-2'", String.class))
                .isEqualTo("bank status RJCT, reason AC04");
        assertThat(jdbc.queryForMap("select status, transfer_id from payable where payee = 'SFX-001'"))
                .containsEntry("status", "PAYABLE").containsEntry("transfer_id", null);
        assertThat(jdbc.queryForMap("select status, recovered from overpayment where payee = 'SFX-001'"))
                .containsEntry("status", "OPEN").satisfies(o -> assertThat(o.get("recovered").toString()).isEqualTo("0.000"));
        assertThat(count("select count(*) from payable where status = 'PAID'")).isEqualTo(3);

        // the same report again, under another name: nothing changes
        dropOverSftp("bank/inbox", "PAIN002_20261212_again.xml", sample("bank-status/" + report));
        awaitExchange("PAIN002_20261212_again.xml");
        assertThat(statuses()).containsValues("REJECTED", "ACCEPTED").hasSize(4);
        assertThat(count("select count(*) from payable where status = 'PAID'")).isEqualTo(3);

        Map<String, Object> next = as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", "STB-TND"), Map.class);
        assertThat((List<Map<String, Object>>) next.get("transfers")).singleElement()
                .satisfies(t -> assertThat(t).containsEntry("payee", "SFX-001"));
    }

    @Test
    void aHostileStatusReportWithAnEntityIsRefusedAndChangesNothing() {
        batchSentFrom("STB-TND");
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Document><CstmrPmtStsRpt><OrgnlGrpInfAndSts><OrgnlMsgId>&x;</OrgnlMsgId><GrpSts>ACCP</GrpSts>"
                + "</OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>\n";
        dropOverSftp("bank/inbox", "PAIN002_20261213_x.xml", hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> exchange = awaitExchange("PAIN002_20261213_x.xml");
        assertThat(exchange).containsEntry("status", "FAILED");
        assertThat((String) exchange.get("failure_reason")).contains("no DOCTYPE").doesNotContain("passwd");
        assertThat(statuses()).containsOnly(Map.entry("PAY-000001-1", "SENT"), Map.entry("PAY-000001-2", "SENT"),
                Map.entry("PAY-000001-3", "SENT"), Map.entry("PAY-000001-4", "SENT"));
    }

    @Test
    void theCsvVariantAnswersTheNationalBatch() {
        batchSentFrom("BIAT-TND");
        dropOverSftp("bank/inbox", "RETOUR_VIREMENTS_20261212.csv", sample("bank-status/RETOUR_VIREMENTS_20261212.csv"));
        Map<String, Object> exchange = awaitExchange("RETOUR_VIREMENTS_20261212.csv");
        assertThat(exchange).containsEntry("status", "DONE").containsEntry("total_count", 5);
        assertThat(statuses()).containsExactly(Map.entry("PAY-000001-1", "REJECTED"), Map.entry("PAY-000001-2", "ACCEPTED"),
                Map.entry("PAY-000001-3", "ACCEPTED"), Map.entry("PAY-000001-4", "ACCEPTED"));
        assertThat(jdbc.queryForObject("select status_reason from transfer where end_to_end_id = 'PAY-000001-1'", String.class))
                .isEqualTo("bank: Compte cloture");
        assertThat(count("select count(*) from payable where status = 'PAYABLE' and payee_type = 'MEMBER'")).as("000001 again, 000003 held")
                .isEqualTo(2);

        // the bank goes back on a transfer it had executed: reported for a person, never silently dropped, never paid twice
        int paidBefore = count("select count(*) from payable where status = 'PAID'");
        dropOverSftp("bank/inbox", "RETOUR_VIREMENTS_20261213.csv",
                "reference;statut;motif\nPAY-000001-2;REJETE;Fonds retournes\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> late = awaitExchange("RETOUR_VIREMENTS_20261213.csv");
        assertThat(late).containsEntry("status", "DONE_WITH_ERRORS");
        assertThat(jdbc.queryForMap("select line_no, code from exchange_error where exchange_id = ?", late.get("id")))
                .containsEntry("line_no", 2).containsEntry("code", "REJECTED_AFTER_ACCEPTANCE");
        assertThat(statuses()).containsEntry("PAY-000001-2", "ACCEPTED");
        assertThat(count("select count(*) from payable where status = 'PAID'")).isEqualTo(paidBefore);
    }
}
