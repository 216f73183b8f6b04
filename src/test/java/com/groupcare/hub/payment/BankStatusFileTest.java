package com.groupcare.hub.payment;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Status reports as banks really write them: XML with no line end at the end, or on one long line,
 * is read by its parser; a report cut short, or a CSV return without its header, is refused whole
 * and changes nothing.
 */
class BankStatusFileTest extends BankStatusSamples {

    @Test
    void aPain002WithNoLineEndAtItsEndIsApplied() {
        batchSentFrom("STB-TND");
        String report = new String(sample("bank-status/PAIN002_20261211_PAY-000001.xml"), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertThat(report).doesNotEndWith("\n");

        Map<String, Object> exchange = dropStatus("PAIN002_20261211_bank.xml", report);

        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("total_count", 5)
                .containsEntry("accepted_count", 4).containsEntry("rejected_count", 1);
        assertThat(statuses()).containsEntry("PAY-000001-1", "ACCEPTED").containsEntry("PAY-000001-2", "REJECTED")
                .containsEntry("PAY-000001-3", "ACCEPTED");
    }

    @Test
    void aMinifiedPain002OnOneLineLongerThanTheLineLimitIsApplied() {
        batchSentFrom("STB-TND");
        // a bank's free text on each answer makes the single line longer than hub.intake.max-line-bytes (64 KB)
        String notes = IntStream.range(0, 250).mapToObj(i -> "<AddtlInf>Traitement bancaire, information complementaire numero "
                + i + "</AddtlInf>").collect(Collectors.joining());
        String report = pain002("PART",
                tx("PAY-000001-1", "ACSC").replace("</TxSts>", "</TxSts><StsRsnInf>" + notes + "</StsRsnInf>"),
                tx("PAY-000001-2", "ACSC").replace("</TxSts>", "</TxSts><StsRsnInf>" + notes + "</StsRsnInf>"),
                tx("PAY-000001-3", "RJCT", "AC04").replace("</Cd></Rsn>", "</Cd></Rsn>" + notes),
                tx("PAY-000001-4", "ACSC").replace("</TxSts>", "</TxSts><StsRsnInf>" + notes + "</StsRsnInf>"));
        assertThat(report).doesNotContain("\n");
        assertThat(report.length()).isGreaterThan(65_536);

        Map<String, Object> exchange = dropStatus("PAIN002_20261211_minified.xml", report);

        assertThat(exchange).containsEntry("status", "DONE").containsEntry("total_count", 4);
        assertThat(statuses()).containsExactly(Map.entry("PAY-000001-1", "ACCEPTED"), Map.entry("PAY-000001-2", "ACCEPTED"),
                Map.entry("PAY-000001-3", "REJECTED"), Map.entry("PAY-000001-4", "ACCEPTED"));
        assertThat(jdbc.queryForObject("select status_reason from transfer where end_to_end_id = 'PAY-000001-3'", String.class))
                .isEqualTo("bank status RJCT, reason AC04");
        assertThat(payableOf("PAY-000001-1")).isEqualTo("PAID");
    }

    @Test
    void aPain002CutShortIsRefusedWholeAndChangesNothing() {
        batchSentFrom("STB-TND");
        String whole = pain002("PART", tx("PAY-000001-1", "ACSC"), tx("PAY-000001-2", "RJCT", "AC04"),
                tx("PAY-000001-3", "ACSC"), tx("PAY-000001-4", "ACSC"));
        String cut = whole.substring(0, whole.indexOf("PAY-000001-3")) + "\n"; // the upload stopped after two answers

        Map<String, Object> exchange = dropStatus("PAIN002_20261211_cut.xml", cut);

        assertThat(exchange).containsEntry("status", "FAILED");
        assertThat((String) exchange.get("failure_reason")).contains("not well-formed XML").contains("nothing was applied");
        assertThat(statuses()).containsOnly(Map.entry("PAY-000001-1", "SENT"), Map.entry("PAY-000001-2", "SENT"),
                Map.entry("PAY-000001-3", "SENT"), Map.entry("PAY-000001-4", "SENT"));
        assertThat(count("select count(*) from payable where status = 'PAID'")).isZero();
    }

    @Test
    void aCsvReturnWithoutItsHeaderIsRefusedWholeAndChangesNothing() {
        batchSentFrom("BIAT-TND");

        Map<String, Object> exchange = dropStatus("RETOUR_VIREMENTS_20261212.csv", "PAY-000001-1;REJETE;Compte cloture\n"
                + "PAY-000001-2;EXECUTE;\n");

        assertThat(exchange).containsEntry("status", "FAILED");
        assertThat((String) exchange.get("failure_reason")).contains("not the header").contains("reference;statut;motif");
        assertThat(statuses()).containsOnly(Map.entry("PAY-000001-1", "SENT"), Map.entry("PAY-000001-2", "SENT"),
                Map.entry("PAY-000001-3", "SENT"), Map.entry("PAY-000001-4", "SENT"));
    }

    @Test
    void aCsvHeaderInAnotherCaseWithSpacesAndAByteOrderMarkIsTheHeader() {
        batchSentFrom("BIAT-TND");

        Map<String, Object> exchange = dropStatus("RETOUR_VIREMENTS_20261212.csv", "\uFEFF REFERENCE ; Statut ; Motif \r\n"
                + "PAY-000001-1;REJETE;Compte cloture\r\nPAY-000001-2;EXECUTE;\r\n");

        assertThat(exchange).containsEntry("status", "DONE").containsEntry("total_count", 2);
        assertThat(statuses()).containsEntry("PAY-000001-1", "REJECTED").containsEntry("PAY-000001-2", "ACCEPTED");
    }
}
