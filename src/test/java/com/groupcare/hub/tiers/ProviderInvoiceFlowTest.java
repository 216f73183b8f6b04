package com.groupcare.hub.tiers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The providers' invoice samples of two groups, over SFTP: every line's outcome, the acknowledgements, the claims. */
class ProviderInvoiceFlowTest extends InvoiceSamples {

    static final List<String> PHARMACY_OUTCOMES = List.of(
            "2 ACCEPTED - 40.950", "3 ACCEPTED - 40.950",
            "4 ACCEPTED - 45.000", "5 ACCEPTED - 45.000", "6 REJECTED ACT_NOT_COVERED -",
            "7 REJECTED DUPLICATE -", "8 REJECTED DUPLICATE -",
            "9 ACCEPTED - 10.800", "10 ACCEPTED - 10.800",
            "11 REJECTED UNKNOWN_BENEFICIARY -", "12 REJECTED UNKNOWN_BENEFICIARY -",
            "13 REJECTED TOTAL_MISMATCH -", "14 REJECTED TOTAL_MISMATCH -",
            "15 REJECTED PROVIDER_NOT_CONVENTIONED -", "16 REJECTED PROVIDER_NOT_CONVENTIONED -",
            "17 ACCEPTED - 2000.000", "18 ACCEPTED - 2000.000", "19 REJECTED CEILING_EXHAUSTED -",
            "20 REJECTED INVOICE_REFUSED -", "21 REJECTED MALFORMED_LINE -", "22 REJECTED INVOICE_REFUSED -",
            "23 REJECTED INVOICE_REFUSED -",
            "24 REJECTED PROVIDER_OTHER_GROUP -", "25 REJECTED PROVIDER_OTHER_GROUP -");

    static final List<String> CLINIC_OUTCOMES = List.of(
            "2 ACCEPTED - 36.000", "3 ACCEPTED - 36.000", "4 REJECTED VOUCHER_MISSING -",
            "5 REJECTED RIGHTS_CLOSED -", "6 REJECTED RIGHTS_CLOSED -",
            "7 ACCEPTED - 45.000", "8 REJECTED CARE_TOO_OLD -", "9 REJECTED CARE_AFTER_INVOICE -",
            "10 ACCEPTED - 22.500", "11 ACCEPTED - 22.500",
            "12 ACCEPTED - 56.250", "13 ACCEPTED - 18.750", "14 ACCEPTED - 18.750", "15 ACCEPTED - 18.750",
            "16 REJECTED PERIODICITY -",
            "17 REJECTED INVOICE_DATE_FUTURE -", "18 REJECTED INVOICE_DATE_FUTURE -",
            "19 REJECTED PROVIDER_UNKNOWN -", "20 REJECTED PROVIDER_UNKNOWN -");

    @Test
    void theSamplesOfTwoProviderGroupsAreCheckedLineByLineAndTriggerEveryRejectionCode() {
        membersAndProviders();
        Map<String, Object> pharmacies = dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 1);
        Map<String, Object> clinics = dropInvoices(CLINICS, sample("provider-invoices/" + CLINICS), 1);

        assertThat(outcomes(pharmacies.get("id"))).containsExactlyElementsOf(PHARMACY_OUTCOMES);
        assertThat(outcomes(clinics.get("id"))).containsExactlyElementsOf(CLINIC_OUTCOMES);
        assertThat(pharmacies).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("total_count", 24)
                .containsEntry("rejected_count", 16);
        assertThat(clinics).containsEntry("total_count", 19).containsEntry("rejected_count", 10);
        Set<String> triggered = new HashSet<>(jdbc.queryForList("select distinct code from provider_invoice_line where code is not null",
                String.class));
        assertThat(triggered).as("every code of the closed list, each by a line of a real file")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(InvoiceRejection.values()).map(Enum::name).toList());
        assertThat(count("select count(*) from exchange_error where exchange_id = ?", pharmacies.get("id")))
                .as("the rejected lines are on the exchange too, for the console").isEqualTo(16);

        // every accepted act became a line of a claim, payee the provider, valued at the amount acknowledged
        assertThat(count("""
                select count(*) from provider_invoice_line p join claim c on c.claim_number = p.claim_number
                join claim_line l on l.claim_id = c.id and l.line_no = p.claim_line_no
                where p.record_type = 'LINE' and p.status = 'ACCEPTED' and l.expected = p.amount_accepted
                  and c.provider_code = p.provider_code and c.status = 'VALUED'""")).isEqualTo(10);
        assertThat(count("select count(*) from claim")).isEqualTo(10);
        assertThat(jdbc.queryForList("select provider_code, sum(total_expected) as total from claim group by provider_code order by 1"))
                .extracting(r -> r.get("provider_code") + " " + r.get("total"))
                .containsExactly("SFX-003 96.750", "SFX-004 2000.000", "SFX-005 45.000", "SFX-009 36.000", "SFX-016 56.250");

        String ack = awaitAck("ACK_" + PHARMACIES);
        assertThat(ack.split("\r\n")).hasSize(25).startsWith("ligne;facture;acte;statut;code;libelle;montant_accepte",
                "2;PH-1001;;ACCEPTE;;;40,950", "3;PH-1001;PH;ACCEPTE;;;40,950");
        assertThat(ack).contains("6;PH-1002;ACU;REJETE;ACT_NOT_COVERED;Acte non couvert par la garantie;0\r\n",
                "8;PH-1001;PH;REJETE;DUPLICATE;Doublon d'une prestation déjà facturée;0\r\n",
                "23;;;REJETE;INVOICE_REFUSED;Facture refusée : son en-tête est rejeté ou absent;0\r\n");
        assertThat(awaitAck("ACK_" + CLINICS)).startsWith("LIGNE,FACTURE,STATUT,CODE,LIBELLE,MONTANT_ACCEPTE,DETAIL\r\n2,CJ-0410,OK,,,36.000,\r\n")
                .contains("4,CJ-0410,KO,VOUCHER_MISSING,Prise en charge absente ou non valable,0,"
                        + "act HOS needs a care voucher (prise en charge) and none valid is given\r\n")
                .contains("8,LE-0089,KO,CARE_TOO_OLD,Soins facturés hors délai,0,\"care on 2026-07-01 reached the hub on 2026-11-21, "
                        + "over the contract's 90 days\"\r\n");
        awaitCondition(() -> count("select count(*) from exchange where direction = 'OUT' and flow = 'provider-invoice-ack'") == 2);
        assertThat(jdbc.queryForList("select file_name from exchange where direction = 'OUT' and partner = 'providers' order by id",
                String.class)).containsExactly("ACK_" + PHARMACIES, "ACK_" + CLINICS);

        List<Map<String, Object>> flagged = as("operator").getForObject("/api/provider-invoices/flagged", List.class);
        assertThat(flagged).singleElement().satisfies(f -> assertThat(f).containsEntry("invoice_number", "PH-1003")
                .containsEntry("matricule", "000001").containsEntry("rank", 0).containsEntry("line_no", 9));
        assertThat(as("provider").getForEntity("/api/provider-invoices/flagged", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        String lines = as("auditor").getForObject("/api/provider-invoices/" + pharmacies.get("id"), String.class);
        assertThat(lines).contains("PH-1003").doesNotContain("Amine", "BEN AMOR", "08/05/1984");
    }

    @Test
    void anActSentAgainTwoDaysLaterInAnotherFileIsADuplicateAndACorrectedInvoiceIsAccepted() {
        membersAndProviders();
        dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 1);
        String later = String.join("\r\n", "TP-PHARMA;V1",
                "F;PH-1001;SFX-003;18/11/2026;45,500;000001-01;0;BEN AMOR;Amine;08/05/1984",
                "L;PH-1001;18/11/2026;PH;1;45,500;",
                "F;PH-1005;SFX-004;19/11/2026;40,000;000010-01;0;GHARBI;Amine;14/05/1988",
                "L;PH-1005;19/11/2026;PH;1;40,000;",
                "F;PH-1020;SFX-003;22/11/2026;20,000;000001-01;0;BEN AMOR;Amine;08/05/1984",
                "L;PH-1020;21/11/2026;PH;1;20,000;",
                "F;PH-1030;SFX-003;10/01/2026;15,000;000001-01;0;BEN AMOR;Amine;08/05/1984",
                "L;PH-1030;05/01/2026;PH;1;15,000;") + "\r\n";
        Map<String, Object> second = dropInvoices("TP_PHARMA_20261122_LOT02.csv", later.getBytes(StandardCharsets.UTF_8), 1);
        assertThat(outcomes(second.get("id"))).containsExactly(
                "2 REJECTED DUPLICATE -", "3 REJECTED DUPLICATE -",
                "4 ACCEPTED - 36.000", "5 ACCEPTED - 36.000",
                "6 ACCEPTED - 18.000", "7 ACCEPTED - 18.000",
                "8 REJECTED CARE_TOO_OLD -", "9 REJECTED CARE_TOO_OLD -");
        assertThat(jdbc.queryForObject("select message from provider_invoice_line where exchange_id = ? and line_no = 9", String.class,
                second.get("id"))).as("an invoice dated back to its care does not escape the time limit")
                .isEqualTo("care on 2026-01-05 reached the hub on 2026-11-22, over the contract's 90 days");

        Map<String, Object> again = dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 2);
        assertThat(again).containsEntry("status", "DUPLICATE");
        assertThat(count("select count(*) from provider_invoice_line where exchange_id = ?", again.get("id"))).isZero();
        assertThat(count("select count(*) from claim")).as("4 from the first file, 2 from the second").isEqualTo(6);
    }

    @Test
    void anActTheEngineRefusedMayComeAgainCorrectedInTheSameFile() {
        membersAndProviders();
        Map<?, ?> voucher = as("operator").postForObject("/api/vouchers", Map.of("policyNumber", "POL-TRS-2026", "matricule", "000001",
                "rank", 1, "actCode", "OPT", "validFrom", "2026-11-01", "validTo", "2026-12-31"), Map.class);
        String file = String.join("\r\n", "TP-PHARMA;V1",
                "F;PH-2001;SFX-003;18/11/2026;200,000;000001-01;1;RIAHI;Aicha;01/06/1991",
                "L;PH-2001;18/11/2026;OPT;1;200,000;",
                "F;PH-2001;SFX-003;18/11/2026;200,000;000001-01;1;RIAHI;Aicha;01/06/1991",
                "L;PH-2001;18/11/2026;OPT;1;200,000;" + voucher.get("voucher_number"),
                "F;PH-2001;SFX-003;18/11/2026;200,000;000001-01;1;RIAHI;Aicha;01/06/1991",
                "L;PH-2001;18/11/2026;OPT;1;200,000;" + voucher.get("voucher_number")) + "\r\n";
        Map<String, Object> exchange = dropInvoices("TP_PHARMA_20261123_LOT03.csv", file.getBytes(StandardCharsets.UTF_8), 1);
        assertThat(outcomes(exchange.get("id"))).as("refused for its voucher, accepted once corrected, then a duplicate")
                .containsExactly("2 REJECTED VOUCHER_MISSING -", "3 REJECTED VOUCHER_MISSING -",
                        "4 ACCEPTED - 200.000", "5 ACCEPTED - 200.000",
                        "6 REJECTED DUPLICATE -", "7 REJECTED DUPLICATE -");
    }

    @Test
    void hostileLinesAreRefusedOneByOneAndTheFileStillCompletesWithItsAcknowledgement() {
        membersAndProviders();
        String hostile = String.join("\r\n", "TP-PHARMA;V1",
                "F;" + "X".repeat(40) + ";SFX-003;18/11/2026;10,000;000001-01;0;;;",
                "L;" + "X".repeat(40) + ";18/11/2026;PH;1;10,000;",
                "F;PH-2001;SFX-003;18/11/0000;10,000;000001-01;0;;;",
                "L;PH-2001;18/11/2026;PH;1;10,000;",
                "F;PH-2002;SFX-003;18/11/2026;10,000;000001-01;0;;;",
                "L;PH-2002;18/11/2026;PH\u0000;1;10,000;",
                "F;PH-2003;SFX-003;18/11/2026;10,0001;000001-01;0;;;",
                "L;PH-2003;18/11/2026;PH;1;10,0001;",
                "F;=HYPERLINK(1);SFX-003;18/11/2026;10,000;000001-01;0;;;",
                "L;=HYPERLINK(1);18/11/2026;PH;1;10,000;") + "\r\n";
        Map<String, Object> exchange = dropInvoices("TP_PHARMA_20261125_LOT09.csv", hostile.getBytes(StandardCharsets.UTF_8), 1);
        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS");
        assertThat(outcomes(exchange.get("id"))).containsExactly(
                "2 REJECTED MALFORMED_LINE -", "3 REJECTED INVOICE_REFUSED -",
                "4 REJECTED MALFORMED_LINE -", "5 REJECTED INVOICE_REFUSED -",
                "6 REJECTED INVOICE_REFUSED -", "7 REJECTED MALFORMED_LINE -",
                "8 REJECTED MALFORMED_LINE -", "9 REJECTED MALFORMED_LINE -",
                "10 ACCEPTED - 9.000", "11 ACCEPTED - 9.000");
        assertThat(awaitAck("ACK_TP_PHARMA_20261125_LOT09.csv")).as("a value a spreadsheet would run stays text")
                .contains("10;'=HYPERLINK(1);;ACCEPTE;;;9,000\r\n");
    }

    @Test
    void anEndlessInvoiceIsCutAtTenChunksAndRefusedNeverHeldWholeInMemory() {
        membersAndProviders();
        StringBuilder file = new StringBuilder("TP-PHARMA;V1\r\nF;PH-3000;SFX-003;18/11/2026;6000,000;000001-01;0;;;\r\n");
        for (int i = 0; i < 6000; i++) {
            file.append("L;PH-3000;18/11/2026;PH;1;1,000;\r\n");
        }
        Map<String, Object> exchange = dropInvoices("TP_PHARMA_20261126_LOT10.csv", file.toString().getBytes(StandardCharsets.UTF_8), 1);
        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("total_count", 6001)
                .containsEntry("rejected_count", 6001);
        assertThat(jdbc.queryForList("select code, count(*) as n from provider_invoice_line where exchange_id = ? group by code order by code",
                exchange.get("id"))).extracting(r -> r.get("code") + " " + r.get("n"))
                .as("the first 5,000 lines (ten chunks of 500) do not add up to the total, the rest has no invoice record")
                .containsExactly("INVOICE_REFUSED 1001", "TOTAL_MISMATCH 5000");
        assertThat(count("select count(*) from claim")).isZero();
    }

    @Test
    void aFileOfNothingButItsHeaderIsDoneAndAcknowledgedEmpty() {
        Map<String, Object> empty = dropInvoices("TP_PHARMA_20261127_LOT11.csv", "TP-PHARMA;V1\r\n".getBytes(StandardCharsets.UTF_8), 1);
        assertThat(empty).containsEntry("status", "DONE").containsEntry("total_count", 0);
        assertThat(awaitAck("ACK_TP_PHARMA_20261127_LOT11.csv")).isEqualTo("ligne;facture;acte;statut;code;libelle;montant_accepte\r\n");
    }

    @Test
    void aFileWithAnotherGroupsHeaderIsRefusedWholeAndWritesNothing() {
        membersAndProviders();
        byte[] clinicsUnderAPharmacyName = sample("provider-invoices/" + CLINICS);
        Map<String, Object> refused = dropInvoices("TP_PHARMA_20261123_LOT03.csv", clinicsUnderAPharmacyName, 1);
        assertThat(refused).containsEntry("status", "FAILED");
        assertThat((String) refused.get("failure_reason")).contains("the first line must be the pharmacies header: TP-PHARMA;V1");
        assertThat(count("select count(*) from provider_invoice_line")).isZero();
        assertThat(count("select count(*) from claim")).isZero();
    }

    @Test
    void acceptedActsGoToTheInsurerInATransmittalAndItsRemittanceMakesPayablesToTheProviders() {
        membersAndProviders();
        dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 1);
        Map<String, Object> transmittal = as("operator").postForObject("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), Map.class);
        assertThat(transmittal).containsEntry("transmittal_number", "POL-TRS-2026-00001").containsEntry("claim_count", 4);
        awaitCondition(() -> count("select count(*) from claim where status = 'SENT'") == 4);
        java.nio.file.Path sent = sftpServer.root().resolve("insurers/outbox/BE_POL-TRS-2026-00001.csv");
        awaitCondition(() -> java.nio.file.Files.exists(sent));

        // the insurer pays every act as valued, echoing our claim numbers
        StringBuilder remittance = new StringBuilder("bordereau;bulletin;ligne;matricule;rang;acte;date_soins;montant_rembourse;code_rejet\n");
        jdbc.queryForList("""
                select c.claim_number, l.line_no, m.matricule, b.rank, l.act_code, c.date_of_care, l.expected from claim c
                join claim_line l on l.claim_id = c.id join beneficiary b on b.id = c.beneficiary_id join member m on m.id = b.member_id
                order by c.id, l.line_no""").forEach(r -> remittance.append(String.join(";", "POL-TRS-2026-00001",
                (String) r.get("claim_number"), r.get("line_no").toString(), (String) r.get("matricule"), r.get("rank").toString(),
                (String) r.get("act_code"), ((java.sql.Date) r.get("date_of_care")).toLocalDate()
                        .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), r.get("expected").toString(), "")).append('\n'));
        remittance.append("TOTAL;4;2096.750\n");
        dropOverSftp("insurers/inbox", "REMB_POL-TRS-2026_20261128.csv", remittance.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("REMB_POL-TRS-2026_20261128.csv")).containsEntry("status", "DONE");

        assertThat(jdbc.queryForList("select payee_type, payee, lines, amount from payable order by payee"))
                .extracting(r -> r.get("payee_type") + " " + r.get("payee") + " " + r.get("lines") + " " + r.get("amount"))
                .containsExactly("PROVIDER SFX-003 3 96.750", "PROVIDER SFX-004 1 2000.000");
        assertThat(jdbc.queryForList("select distinct status from claim_state", String.class)).containsExactly("REIMBURSED");
        assertThat(count("""
                select count(*) from provider_invoice_line p join claim c on c.claim_number = p.claim_number
                join claim_line l on l.claim_id = c.id and l.line_no = p.claim_line_no
                join remittance_line r on r.claim_line_id = l.id join payable y on y.id = r.payable_id
                where p.record_type = 'LINE' and y.payee = p.provider_code""")).as("each act traced to its provider's payable").isEqualTo(4);
    }

    static void awaitCondition(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            sleep(100);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
