package com.groupcare.hub.payment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.CrashOnce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub dies after the bank file is on the bank's server and before it recorded the batch SENT
 * ({@link CrashOnce}: a PostgreSQL trigger refuses that record once, after the test has played the
 * bank): the message is redelivered, and the bank never gets a second file for the batch.
 */
class PaymentCrashTest extends BankStatusSamples {

    static final String FILE = "PAY-000001.xml";

    CrashOnce crash;

    @AfterEach
    void noMoreCrashes() {
        CrashOnce.drop(jdbc, "payment_batch");
        ((ConfigurableEnvironment) env).getPropertySources().remove("a bank that deletes what it takes");
    }

    void theHubDiesOnceBetweenTheUploadAndItsRecord() {
        crash = CrashOnce.whenStatusBecomes(jdbc, "payment_batch", "SENT");
    }

    Map<String, Object> confirmTheBatch() {
        claimsSentToTheInsurer();
        dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        // member 000003's account has a wrong key: held back, as in PaymentFlowTest
        jdbc.update("update member set bank_account = '10006035183598478832' where matricule = '000003'");
        return as("operator").postForObject("/api/payments/batches/confirm",
                Map.of("debtor", "STB-TND", "executionDate", "2026-12-10"), Map.class);
    }

    Path outbox() {
        return sftpServer.root().resolve("bank/outbox");
    }

    /** Every file at the bank (its outbox and the folder it keeps taken files in) that carries the batch. */
    List<String> filesAtTheBank() throws IOException {
        try (var files = Files.walk(outbox())) {
            return files.filter(Files::isRegularFile).map(f -> outbox().relativize(f).toString())
                    .filter(name -> name.contains("PAY-000001")).sorted().toList();
        }
    }

    Path awaitUploaded() {
        Path file = outbox().resolve(FILE);
        for (int i = 0; i < 300 && !Files.exists(file); i++) {
            sleep(100);
        }
        assertThat(file).as("uploaded to the bank").exists();
        return file;
    }

    void openTheGate() {
        crash.openTheGate();
    }

    String batchStatus() {
        return jdbc.queryForObject("select status from payment_batch", String.class);
    }

    void awaitBatch(String status) {
        CrashOnce.awaitRecord(jdbc, "payment_batch", status);
        assertThat(batchStatus()).isEqualTo(status);
    }

    @Test
    void aFileTheBankTookBeforeTheHubRecordedItIsNeverUploadedAgain() throws Exception {
        theHubDiesOnceBetweenTheUploadAndItsRecord();
        assertThat(confirmTheBatch()).containsEntry("batchNumber", "PAY-000001").containsEntry("transferCount", 4);
        Path uploaded = awaitUploaded();
        byte[] sent = Files.readAllBytes(uploaded);
        // the bank takes the file while the hub is down, into the folder where it keeps what it took, adding a date
        Files.createDirectories(outbox().resolve("archive"));
        Files.move(uploaded, outbox().resolve("archive/20261209-0800_" + FILE));
        openTheGate();

        awaitBatch("SENT");
        assertThat(crash.records()).as("it did crash once").isEqualTo(2);
        assertThat(filesAtTheBank()).as("one file for the batch at the bank, never a second")
                .containsExactly("archive/20261209-0800_" + FILE);
        assertThat(Files.readAllBytes(outbox().resolve("archive/20261209-0800_" + FILE))).isEqualTo(sent);
        assertThat(jdbc.queryForMap("select file_name, exchange_id from payment_batch")).containsEntry("file_name", FILE)
                .satisfies(b -> assertThat(b.get("exchange_id")).isNotNull());
        assertThat(count("select count(*) from exchange where direction = 'OUT' and flow = 'payments'")).isEqualTo(1);
        assertThat(jdbc.queryForList("select after_state::text from audit_entry where entity_type = 'PAYMENT_BATCH' and action = 'SENT'",
                String.class)).singleElement().asString().contains("found on the bank's server");
        assertNothingPaidTwice();
    }

    @Test
    void aFileStillInTheOutboxWhenTheHubComesBackIsRecordedNotUploadedAgain() throws Exception {
        theHubDiesOnceBetweenTheUploadAndItsRecord();
        confirmTheBatch();
        Path uploaded = awaitUploaded();
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(uploaded);
        Files.setLastModifiedTime(uploaded, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        openTheGate();

        awaitBatch("SENT");
        assertThat(filesAtTheBank()).containsExactly(FILE);
        assertThat(Files.getLastModifiedTime(uploaded).toMillis()).as("not written again")
                .isEqualTo(written.toMillis() - 60_000);
        assertNothingPaidTwice();
    }

    @Test
    void aBankThatDeletesWhatItTookHoldsTheBatchUntilTheDeskHasCheckedWithTheBank() throws Exception {
        ((ConfigurableEnvironment) env).getPropertySources().addFirst(new MapPropertySource("a bank that deletes what it takes",
                Map.of("hub.sftp.bank.taken-folders", "")));
        theHubDiesOnceBetweenTheUploadAndItsRecord();
        confirmTheBatch();
        Files.delete(awaitUploaded());   // the bank took it, and keeps nothing on the server
        openTheGate();

        awaitBatch("FAILED");
        assertThat(filesAtTheBank()).as("not uploaded again: the bank may have it").isEmpty();
        Map<String, Object> batch = as("auditor").getForObject("/api/payments/batches/PAY-000001", Map.class);
        assertThat(batch.get("failure_reason")).asString().contains("PAY-000001.xml", "Check with the bank");

        // sent again without the bank's word: still nothing uploaded
        assertThat(as("operator").postForObject("/api/payments/batches/PAY-000001/resend", Map.of(), Map.class))
                .containsEntry("status", "CONFIRMED");
        awaitBatch("FAILED");
        assertThat(filesAtTheBank()).isEmpty();

        // the bank says it never received it: the file goes up, once
        as("operator").postForObject("/api/payments/batches/PAY-000001/resend", Map.of("bankNeverReceivedIt", true), Map.class);
        awaitBatch("SENT");
        assertThat(filesAtTheBank()).containsExactly(FILE);
        assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'PAYMENT_BATCH' order by id", String.class))
                .containsExactly("CONFIRM", "HELD", "RESEND", "HELD", "RESEND", "SENT");
        assertNothingPaidTwice();
    }

    /** One batch, its four transfers, each payable in one transfer of it; confirming again pays nothing. */
    void assertNothingPaidTwice() {
        assertThat(count("select count(*) from payment_batch")).isEqualTo(1);
        assertThat(count("select count(*) from transfer")).isEqualTo(4);
        assertThat(count("select count(*) from payable where status = 'BATCHED' and transfer_id is not null")).isEqualTo(4);
        assertThat(count("select count(distinct transfer_id) from payable where transfer_id is not null")).isEqualTo(4);
        assertThat(as("operator").postForObject("/api/payments/batches/confirm", Map.of("debtor", "STB-TND"), Map.class))
                .containsEntry("transferCount", 0);
    }
}
