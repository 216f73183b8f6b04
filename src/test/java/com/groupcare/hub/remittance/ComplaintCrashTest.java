package com.groupcare.hub.remittance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint file is on the insurer's server when the hub fails to record it (a PostgreSQL trigger
 * refuses marking the complaints SENT, once): the next send never makes a second file, under another
 * number, about the same gaps.
 */
class ComplaintCrashTest extends RemittanceSamples {

    static final String SEND = "/api/complaints/send?policyNumber=POL-TRS-2026";
    static final String FILE = "REC_POL-TRS-2026_00001.csv";

    @BeforeEach
    void twoOpenComplaintsAndAHubThatDiesOnceAfterTheUpload() {
        claimsSentToTheInsurer();
        dropRemittance(FIRST, sample("insurer-remittances/" + FIRST), 1);
        assertThat(count("select count(*) from complaint where status = 'OPEN'")).isEqualTo(2);
        jdbc.execute("create sequence crash_once_seq");
        jdbc.execute("""
                create or replace function crash_once() returns trigger language plpgsql as $$
                begin if nextval('crash_once_seq') = 1 then raise exception 'simulated: the hub dies after the upload'; end if;
                return new; end $$""");
        jdbc.execute("create trigger crash_once before update on complaint for each row "
                + "when (new.status = 'SENT' and old.status <> 'SENT') execute function crash_once()");
        assertThat(as("operator").postForEntity(SEND, null, String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(outbox()).as("the files reached the insurer").contains(FILE, "REC_POL-TRS-2026_00001.pdf");
        assertThat(count("select count(*) from complaint where status = 'OPEN'")).as("not recorded").isEqualTo(2);
    }

    @AfterEach
    void noMoreCrashes() {
        jdbc.execute("drop trigger if exists crash_once on complaint");
        jdbc.execute("drop sequence if exists crash_once_seq");
    }

    List<String> outbox() {
        try (var files = Files.list(sftpServer.root().resolve("insurers/outbox"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("REC_")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theNextSendFindsTheFileOnTheInsurersServerAndMakesNoSecondOne() {
        Map<String, Object> sent = as("operator").postForObject(SEND, null, Map.class);

        assertThat(sent).containsEntry("file", FILE).containsEntry("complaints", 2).containsEntry("foundOnTheInsurersServer", true);
        assertThat(outbox()).containsExactly(FILE, "REC_POL-TRS-2026_00001.pdf");
        assertThat(count("select count(*) from complaint where status = 'SENT' and sent_exchange_id is not null")).isEqualTo(2);
        assertThat(as("operator").postForObject(SEND, null, Map.class)).containsEntry("complaints", 0);
    }

    @Test
    void aFileTheInsurerTookAndDeletedIsSentAgainUnderItsNumberOnlyOnceTheInsurerSaysItNeverGotIt() throws Exception {
        for (String file : outbox()) {
            Files.delete(sftpServer.root().resolve("insurers/outbox").resolve(file));
        }

        ResponseEntity<String> held = as("operator").postForEntity(SEND, null, String.class);
        assertThat(held.getStatusCode().value()).isEqualTo(409);
        assertThat(held.getBody()).contains(FILE, "Check with the insurer");
        assertThat(outbox()).as("nothing uploaded: the insurer may have it").isEmpty();

        Map<String, Object> sent = as("operator").postForObject(SEND + "&insurerNeverReceivedIt=true", null, Map.class);
        assertThat(sent).as("the same file, not a new number").containsEntry("file", FILE).containsEntry("complaints", 2);
        assertThat(outbox()).containsExactly(FILE, "REC_POL-TRS-2026_00001.pdf");
        assertThat(count("select count(*) from complaint where status = 'SENT'")).isEqualTo(2);
    }
}
