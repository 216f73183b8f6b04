package com.groupcare.hub.payment;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.groupcare.hub.remittance.RemittanceSamples;

/**
 * The road to the bank's answers (inbox-samples/bank-status/EXPECTED.md): batch PAY-000001 of four
 * transfers sent to the bank, and pain.002 status reports written as banks write them.
 */
abstract class BankStatusSamples extends RemittanceSamples {

    void batchSentFrom(String debtor) {
        claimsSentToTheInsurer();
        dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        jdbc.update("update member set bank_account = '10006035183598478832' where matricule = '000003'");
        as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", debtor, "executionDate", "2026-12-10"), Map.class);
        for (int i = 0; i < 100 && count("select count(*) from payment_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
    }

    Map<String, String> statuses() {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbc.queryForList("select end_to_end_id, status from transfer").forEach(r -> out.put((String) r.get("end_to_end_id"),
                (String) r.get("status")));
        return out;
    }

    String payableOf(String endToEndId) {
        return jdbc.queryForObject("""
                select string_agg(distinct p.status, ',') from payable p join transfer t on t.id = p.transfer_id
                where t.end_to_end_id = ?""", String.class, endToEndId);
    }

    /** A drop on bank/inbox, waited for; returns the exchange row. */
    Map<String, Object> dropStatus(String fileName, String content) {
        dropOverSftp("bank/inbox", fileName, content.getBytes(StandardCharsets.UTF_8));
        return awaitExchange(fileName);
    }

    /** One transaction's answer in a pain.002: end-to-end id, TxSts and, for RJCT, the reason code. */
    static String tx(String endToEndId, String status, String... reason) {
        return "<TxInfAndSts><OrgnlEndToEndId>" + endToEndId + "</OrgnlEndToEndId><TxSts>" + status + "</TxSts>"
                + (reason.length == 0 ? "" : "<StsRsnInf><Rsn><Cd>" + reason[0] + "</Cd></Rsn></StsRsnInf>") + "</TxInfAndSts>";
    }

    /** A pain.002.001.03 answering PAY-000001, minified (one line, no line end), as most XML writers leave it. */
    static String pain002(String groupStatus, String... transactions) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\">"
                + "<CstmrPmtStsRpt><GrpHdr><MsgId>STB-STS-1</MsgId><CreDtTm>2026-12-11T08:15:00</CreDtTm></GrpHdr>"
                + "<OrgnlGrpInfAndSts><OrgnlMsgId>PAY-000001</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId>"
                + "<GrpSts>" + groupStatus + "</GrpSts></OrgnlGrpInfAndSts>"
                + (transactions.length == 0 ? "" : "<OrgnlPmtInfAndSts><OrgnlPmtInfId>PAY-000001-2026-12-10</OrgnlPmtInfId>"
                        + String.join("", transactions) + "</OrgnlPmtInfAndSts>")
                + "</CstmrPmtStsRpt></Document>";
    }
}
