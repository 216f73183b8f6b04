package com.groupcare.hub.tiers;

import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** The road an invoice file takes: members from HR over SFTP, the provider list uploaded, then the providers' files over SFTP. */
abstract class InvoiceSamples extends HubIntegrationTest {

    static final String PHARMACIES = "TP_PHARMA_20261120_LOT01.csv";
    static final String CLINICS = "TP_CLINIQUE_20261121_LOT07.csv";

    void membersAndProviders() {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        assertThat(awaitExchange("RH_COMPLET_20261101.csv").get("status")).isIn("DONE", "DONE_WITH_ERRORS");
        dropHrFile("RH_DELTA_20261115.csv", sample("hr/RH_DELTA_20261115.csv"));
        assertThat(awaitExchange("RH_DELTA_20261115.csv").get("status")).isIn("DONE", "DONE_WITH_ERRORS");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.set("X-File-Name", "PRESTATAIRES_20261101.csv");
        assertThat(as("operator").postForEntity("/api/providers/import",
                new HttpEntity<>(sample("providers/PRESTATAIRES_20261101.csv"), headers), Map.class).getStatusCode().is2xxSuccessful()).isTrue();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.apache.camel.CamelContext camel;

    /**
     * Drops a provider's file as if it reached the hub on the day its name says (the samples' outcomes
     * depend on that day, not on the day the tests run): its chunks wait, unapplied, while the exchange's
     * arrival is set to that day, as the time limit of invoicing is measured to it.
     */
    Map<String, Object> dropInvoices(String fileName, byte[] content, int occurrence) {
        java.time.LocalDate arrival = java.time.LocalDate.parse(fileName.replaceAll("^\\D*(\\d{8}).*$", "$1"),
                java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        try {
            camel.getRouteController().stopRoute("provider-invoices-apply");
            dropOverSftp("providers/inbox", fileName, content);
            for (int i = 0; i < 600 && count("select count(*) from exchange where file_name = ? and (split_at is not null "
                    + "or status in ('DONE', 'DONE_WITH_ERRORS', 'DUPLICATE', 'FAILED'))", fileName) < occurrence; i++) {
                sleep(100);
            }
            jdbc.update("update exchange set received_at = ?::date + time '10:00' where file_name = ? and status = 'PROCESSING'",
                    arrival, fileName);
            camel.getRouteController().startRoute("provider-invoices-apply");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            try {
                camel.getRouteController().startRoute("provider-invoices-apply");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return awaitExchange(fileName, occurrence);
    }

    /** line, status, code, amount accepted of every line of the exchange. */
    List<String> outcomes(Object exchangeId) {
        return jdbc.queryForList("select line_no, status, code, amount_accepted from provider_invoice_line where exchange_id = ? "
                + "order by line_no", exchangeId).stream().map(r -> r.get("line_no") + " " + r.get("status") + " "
                + (r.get("code") == null ? "-" : r.get("code")) + " " + (r.get("amount_accepted") == null ? "-" : r.get("amount_accepted")))
                .toList();
    }

    /** The acknowledgement's text once it is on the providers' outbox. */
    String awaitAck(String name) {
        java.nio.file.Path file = sftpServer.root().resolve("providers/outbox").resolve(name);
        for (int i = 0; i < 300 && !java.nio.file.Files.exists(file); i++) {
            sleep(100);
        }
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError("no acknowledgement " + name + " in providers/outbox", e);
        }
    }
}
