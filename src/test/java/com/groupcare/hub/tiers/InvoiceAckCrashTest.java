package com.groupcare.hub.tiers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import com.groupcare.hub.support.CrashOnce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub dies after the acknowledgement is on the providers' server, before recording it: redelivered, it is not uploaded again. */
class InvoiceAckCrashTest extends InvoiceSamples {

    @AfterEach
    void noMoreCrashes() {
        CrashOnce.drop(jdbc, "provider_invoice_ack");
    }

    @Test
    void anAckStillOnTheProvidersServerIsRecordedNotUploadedAgain() throws Exception {
        membersAndProviders();
        CrashOnce crash = CrashOnce.whenStatusBecomes(jdbc, "provider_invoice_ack", "SENT");
        dropInvoices(PHARMACIES, sample("provider-invoices/" + PHARMACIES), 1);
        String text = awaitAck("ACK_" + PHARMACIES);
        Path ack = sftpServer.root().resolve("providers/outbox/ACK_" + PHARMACIES);
        long written = Files.getLastModifiedTime(ack).toMillis() - 60_000;
        Files.setLastModifiedTime(ack, FileTime.fromMillis(written));
        crash.openTheGate();

        CrashOnce.awaitRecord(jdbc, "provider_invoice_ack", "SENT");
        assertThat(crash.records()).as("it did crash once").isEqualTo(2);
        assertThat(Files.getLastModifiedTime(ack).toMillis()).as("not written again").isEqualTo(written);
        assertThat(Files.readString(ack)).isEqualTo(text);
        assertThat(count("select count(*) from exchange where flow = 'provider-invoice-ack'")).isEqualTo(1);
    }
}
