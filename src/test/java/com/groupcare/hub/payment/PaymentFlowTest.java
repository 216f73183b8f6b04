package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import com.groupcare.hub.remittance.RemittanceSamples;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample remittance's payables paid by bank transfer: one transfer per payee net of its
 * overpayments, an invalid account held back, a pain.001 valid against the official schema whose
 * control sum is the transfers' and the payables', the same file generated again byte for byte,
 * the national fixed-width file, and two confirmations at once paying each payable once.
 */
class PaymentFlowTest extends RemittanceSamples {

    @Autowired
    PaymentFiles files;

    void payablesFromTheSampleRemittance() {
        claimsSentToTheInsurer();
        dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        // member 000003's account has a wrong key: held back, never dropped
        jdbc.update("update member set bank_account = '10006035183598478832' where matricule = '000003'");
    }

    @Test
    void aBatchPaysEachPayeeOnceNetOfOverpaymentsInAValidPain001() throws Exception {
        payablesFromTheSampleRemittance();
        Map<String, Object> preview = as("operator").postForObject("/api/payments/batches/preview", Map.of("debtor", "STB-TND"), Map.class);
        assertThat(count("select count(*) from payment_batch")).as("a preview changes nothing").isZero();
        assertThat((List<Map<String, Object>>) preview.get("held")).singleElement().satisfies(h -> assertThat(h)
                .containsEntry("payeeType", "MEMBER").containsEntry("reason", "account: the Tunisian RIB key is wrong"));

        assertThat((List<Map<String, Object>>) as("auditor").getForObject("/api/payments/held", Map.class).get("held"))
                .as("the desk sees who waits and why").singleElement().satisfies(h -> assertThat(h.get("reason")).asString().contains("RIB key"));
        Map<String, Object> batch = as("operator").postForObject("/api/payments/batches/confirm",
                Map.of("debtor", "STB-TND", "executionDate", "2026-12-10"), Map.class);
        assertThat(batch).containsEntry("batchNumber", "PAY-000001").containsEntry("format", "PAIN001").containsEntry("transferCount", 4);
        // SFX-001 60.700 - 20.000 reversed, SFX-003 108.000, SFX-005 75.000 - 15.000 overpaid, member 000001 30.000
        assertThat(new BigDecimal(batch.get("total").toString())).isEqualByComparingTo("238.700");
        assertThat(count("select count(*) from payable where status = 'PAYABLE'")).as("the held member's payable waits").isEqualTo(1);
        assertThat(count("select count(*) from overpayment where status = 'RECOVERED'")).isEqualTo(2);

        Path sent = sftpServer.root().resolve("bank/outbox/PAY-000001.xml");
        for (int i = 0; i < 100 && count("select count(*) from payment_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(Path.of("src/main/xsd/pain.001.001.03.xsd").toFile())
                .newValidator().validate(new StreamSource(sent.toFile()));
        String xml = Files.readString(sent);
        assertThat(xml).contains("<NbOfTxs>4</NbOfTxs>", "<CtrlSum>238.700</CtrlSum>", "<ReqdExctnDt>2026-12-10</ReqdExctnDt>",
                "<IBAN>TN5910006035183598478831</IBAN>", "<InstdAmt Ccy=\"TND\">60.000</InstdAmt>");
        BigDecimal transfers = jdbc.queryForObject("select sum(amount) from transfer", BigDecimal.class);
        BigDecimal payables = jdbc.queryForObject("select sum(net_amount) from payable where transfer_id is not null", BigDecimal.class);
        BigDecimal recovered = jdbc.queryForObject("select sum(amount) from transfer_recovery", BigDecimal.class);
        assertThat(transfers).isEqualByComparingTo("238.700").isEqualByComparingTo(payables.subtract(recovered));
        assertThat(Files.readAllBytes(files.regenerate("PAY-000001", Files.createTempDirectory("again"))))
                .as("the same batch gives the same bytes").isEqualTo(Files.readAllBytes(sent));
        if (Boolean.getBoolean("payments.write-sample")) {
            Files.copy(sent, Path.of("docs/samples/pain.001-PAY-000001.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(count("select count(*) from exchange where direction = 'OUT' and partner = 'bank' and flow = 'payments'")).isEqualTo(1);

        assertThat(as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", "STB-TND"), Map.class))
                .as("nothing is paid twice").containsEntry("transferCount", 0);

        // lineage: SFX-001's transfer = its payable (two remittance lines of BS-26-0001) less the reversal it owed
        long transfer = jdbc.queryForObject("select id from transfer where payee = 'SFX-001'", Long.class);
        Map<String, Object> lineage = as("auditor").getForObject("/api/payments/transfers/" + transfer + "/lineage", Map.class);
        assertThat((Map<String, Object>) lineage.get("addsUp")).containsEntry("transferIsPayablesLessRecoveries", true)
                .containsEntry("eachPayableIsItsLines", true);
        assertThat((List<Map<String, Object>>) lineage.get("payables")).singleElement().satisfies(p -> assertThat(
                (List<Map<String, Object>>) p.get("lines")).extracting(l -> l.get("claim_number") + "/" + l.get("claim_line_no") + " "
                + l.get("amount_paid")).containsExactly("BS-26-0001/1 20.0", "BS-26-0001/2 40.7"));
        assertThat((List<Map<String, Object>>) lineage.get("recoveries")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("origin", "REVERSAL"));
        long memberTransfer = jdbc.queryForObject("select id from transfer where payee_type = 'MEMBER'", Long.class);
        assertThat(List.of(as("auditor").getForObject("/api/payments/claims/BS-26-0002", Map[].class)))
                .as("the claim of 000001's spouse was paid by the member's transfer").singleElement()
                .satisfies(r -> assertThat(((Number) r.get("transfer_id")).longValue()).isEqualTo(memberTransfer));
        byte[] advice = as("auditor").getForObject("/api/payments/transfers/" + transfer + "/advice", byte[].class);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(advice)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("AVIS DE VIREMENT PAY-000001-2",
                    "Bénéficiaire : Dr Mohamed Ben Salah", "Bulletin BS-26-0001 ligne 2", "Total des remboursements : 60.700 TND",
                    "Retenue pour trop-perçu (REVERSAL) : -20.000 TND", "Montant viré : 40.700 TND");
        }
    }

    @Test
    void aMemberWhoseNameTheFontCannotDrawStillGetsAPaymentAdvice() throws Exception {
        payablesFromTheSampleRemittance();
        String header = new String(sample("hr/RH_COMPLET_20261101.csv"), java.nio.charset.StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        String[] amine = new String(sample("hr/RH_COMPLET_20261101.csv"), java.nio.charset.StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("000001;00;")).findFirst().orElseThrow().split(";", -1);
        amine[4] = "Amine 明";   // a CJK character: DejaVu Sans has no glyph for it
        amine[17] = "M";
        dropHrFile("RH_DELTA_20261120.csv", (header + "\n" + String.join(";", amine) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261120.csv")).containsEntry("status", "DONE");
        as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", "STB-TND", "executionDate", "2026-12-10"), Map.class);
        long memberTransfer = jdbc.queryForObject("select id from transfer where payee_type = 'MEMBER'", Long.class);

        var advice = as("auditor").getForEntity("/api/payments/transfers/" + memberTransfer + "/advice", byte[].class);
        assertThat(advice.getStatusCode().value()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(advice.getBody())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Bénéficiaire : Amine ? BEN AMOR", "Montant viré");
        }
    }

    @Test
    void criteriaChooseThePayablesAndAPayeeWhoOwesMoreIsCarriedOverWithTheReason() {
        payablesFromTheSampleRemittance();
        jdbc.update("update overpayment set amount = 100.000 where payee = 'SFX-005'");
        Map<String, Object> preview = as("operator").postForObject("/api/payments/batches/preview", Map.of("debtor", "STB-TND"), Map.class);
        assertThat((List<Map<String, Object>>) preview.get("carriedOver")).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("payee", "SFX-005").containsEntry("reason", "owes 100.000 of overpayments: nothing left to pay"));
        assertThat((List<Map<String, Object>>) as("operator").postForObject("/api/payments/batches/preview",
                Map.of("debtor", "STB-TND", "bank", "12"), Map.class).get("transfers"))
                .as("the payees banking with bank 12").extracting(t -> t.get("payee")).containsExactly("SFX-003");
        assertThat((List<Map<String, Object>>) as("operator").postForObject("/api/payments/batches/preview",
                Map.of("debtor", "STB-TND", "payeeType", "MEMBER"), Map.class).get("transfers"))
                .extracting(t -> t.get("payeeType")).containsOnly("MEMBER").hasSize(1);
        Map<String, Object> minimum = as("operator").postForObject("/api/payments/batches/preview",
                Map.of("debtor", "STB-TND", "minAmount", "50"), Map.class);
        assertThat((List<Map<String, Object>>) minimum.get("transfers")).extracting(t -> t.get("payee")).containsExactly("SFX-003");
        assertThat((List<Map<String, Object>>) minimum.get("carriedOver")).extracting(c -> c.get("reason").toString())
                .contains("below the minimum of 50");
        assertThat((List<Map<String, Object>>) as("operator").postForObject("/api/payments/batches/preview",
                Map.of("debtor", "STB-TND", "policyNumber", "POL-ATL-2026"), Map.class).get("transfers")).isEmpty();
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(Map.of("debtor", "STB-TND", "executionDate", "2020-01-01"),
                Map.of("debtor", "STB-TND", "payeeType", "EVERYONE"), Map.of("debtor", "STB-TND", "minAmount", "-1"),
                Map.of("debtor", "NO-SUCH-BANK"))) {
            assertThat(as("operator").postForEntity("/api/payments/batches/confirm", wrong, String.class).getStatusCode().value())
                    .as(wrong.toString()).isEqualTo(400);
        }
        assertThat(count("select count(*) from payment_batch")).isZero();
    }

    @Test
    void theNationalFileIsFixedWidthAndTwoConfirmationsAtOncePayEachPayableOnce() throws Exception {
        payablesFromTheSampleRemittance();
        // a name stored before control characters were refused, with accents: still one 120-byte record
        jdbc.update("update provider set name = 'Pharmacie Ésprit\tdu Lac' where code = 'SFX-003'");
        Callable<Map> confirm = () -> as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", "BIAT-TND"), Map.class);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Map> one = pool.submit(confirm);
            Future<Map> two = pool.submit(confirm);
            int paid = ((Number) one.get().get("transferCount")).intValue() + ((Number) two.get().get("transferCount")).intValue();
            assertThat(paid).isEqualTo(4);
        } finally {
            pool.shutdown();
        }
        assertThat(count("select count(*) from payment_batch")).isEqualTo(1);
        assertThat(count("select count(*) from payable where transfer_id is not null")).as("one payable per payee here").isEqualTo(4);
        assertThat(count("select count(distinct transfer_id) from payable where transfer_id is not null")).isEqualTo(4);
        for (int i = 0; i < 100 && count("select count(*) from payment_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        String number = jdbc.queryForObject("select batch_number from payment_batch", String.class);
        List<String> lines = Files.readAllLines(sftpServer.root().resolve("bank/outbox/" + number + ".txt"));
        assertThat(lines).hasSize(6).allSatisfy(line -> assertThat(line).hasSize(120));
        assertThat(Files.readAllBytes(sftpServer.root().resolve("bank/outbox/" + number + ".txt"))).as("120 bytes and CRLF a record")
                .hasSize(6 * 122);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Pharmacie Esprit du Lac"));
        String day = jdbc.queryForObject("select to_char(execution_date, 'YYYYMMDD') from payment_batch", String.class);
        assertThat(lines.get(0)).isEqualTo(String.format("01%-24s%s%-20s%08d%018d%40s", "08003000671000251334", day, number, 4, 238700, ""));
        assertThat(lines.get(5)).startsWith("0900000004000000000000238700");
        assertThat(lines.subList(1, 5)).allSatisfy(line -> assertThat(line).startsWith("02" + number + "-").endsWith("TND"));
        assertThat(lines).contains(String.format("02%-35s%-24s%-40s%016d%s", number + "-4", "04259450945576206576",
                "Laboratoire d'analyses Ennour", 60000, "TND"));
    }
}
