package com.groupcare.hub.claim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.CrashOnce;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.groupcare.hub.claim.TransmittalFlowTest.claim;
import static com.groupcare.hub.claim.TransmittalFlowTest.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub dies after a transmittal's three files are on the insurer's server and before it recorded
 * the transmittal SENT (a PostgreSQL trigger refuses that record once, after the test has played the
 * insurer): the insurer never gets the transmittal a second time.
 */
class TransmittalCrashTest extends HubIntegrationTest {

    static final String NUMBER = "POL-TRS-2026-00001";

    @Autowired
    ClaimService claims;

    CrashOnce crash;

    @AfterEach
    void noMoreCrashes() {
        CrashOnce.drop(jdbc, "transmittal");
    }

    void aTransmittalWhoseRecordDiesOnceAfterItsUpload() {
        crash = CrashOnce.whenStatusBecomes(jdbc, "transmittal", "SENT");
        ClaimApiTest.providers(jdbc);
        dropHrFile("RH_DELTA_20260101.csv", ClaimApiTest.FAMILY.getBytes(StandardCharsets.UTF_8));
        awaitExchange("RH_DELTA_20260101.csv");
        claims.create(claim("BS-1001", 0, line("C1", 1, "40.000")), "test");
        assertThat(as("operator").postForObject("/api/transmittals", Map.of("policyNumber", "POL-TRS-2026"), Map.class))
                .containsEntry("transmittal_number", NUMBER);
        Path marker = outbox().resolve("BE_" + NUMBER + ".ok");
        for (int i = 0; i < 300 && !Files.exists(marker); i++) {
            sleep(100);
        }
        assertThat(marker).as("the three files are on the insurer's server").exists();
    }

    Path outbox() {
        return sftpServer.root().resolve("insurers/outbox");
    }

    List<String> outboxFiles() throws IOException {
        try (var files = Files.list(outbox())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    String status() {
        return jdbc.queryForObject("select status from transmittal", String.class);
    }

    void awaitStatus(String status) {
        CrashOnce.awaitRecord(jdbc, "transmittal", status);
        assertThat(status()).isEqualTo(status);
    }

    @Test
    void filesStillOnTheServerAreRecordedNotUploadedAgain() throws Exception {
        aTransmittalWhoseRecordDiesOnceAfterItsUpload();
        Path data = outbox().resolve("BE_" + NUMBER + ".csv");
        long written = Files.getLastModifiedTime(data).toMillis() - 60_000;
        Files.setLastModifiedTime(data, java.nio.file.attribute.FileTime.fromMillis(written));
        crash.openTheGate();

        awaitStatus("SENT");
        assertThat(Files.getLastModifiedTime(data).toMillis()).as("not written again").isEqualTo(written);
        assertThat(count("select count(*) from claim where status = 'SENT'")).isEqualTo(1);
        assertThat(count("select count(*) from exchange where direction = 'OUT' and partner = 'insurers'")).isEqualTo(2);
    }

    @Test
    void aTransmittalTheInsurerTookAndDeletedIsHeldUntilTheDeskHasCheckedWithTheInsurer() throws Exception {
        aTransmittalWhoseRecordDiesOnceAfterItsUpload();
        // the insurer takes the transmittal while the hub is down, and keeps nothing on the server (no taken-folders)
        for (String file : outboxFiles()) {
            Files.delete(outbox().resolve(file));
        }
        crash.openTheGate();

        awaitStatus("FAILED");
        assertThat(outboxFiles()).as("not uploaded again: the insurer may have it").isEmpty();
        assertThat(as("auditor").getForObject("/api/transmittals/" + NUMBER, Map.class).get("failure_reason")).asString()
                .contains("BE_" + NUMBER + ".ok", "Check with the insurer");
        assertThat(count("select count(*) from claim where status = 'BATCHED'")).as("its claims wait in it").isEqualTo(1);

        as("operator").postForObject("/api/transmittals/" + NUMBER + "/resend", Map.of(), Map.class);
        awaitStatus("FAILED");
        assertThat(outboxFiles()).isEmpty();

        // the insurer says it never received it: the three files go up, once
        as("operator").postForObject("/api/transmittals/" + NUMBER + "/resend", Map.of("insurerNeverReceivedIt", true), Map.class);
        awaitStatus("SENT");
        assertThat(outboxFiles()).containsExactly("BE_" + NUMBER + ".csv", "BE_" + NUMBER + ".ok", "BE_" + NUMBER + ".pdf");
        assertThat(jdbc.queryForList("select action from audit_entry where entity_type = 'TRANSMITTAL' order by id", String.class))
                .containsExactly("CREATE", "HELD", "RESEND", "HELD", "RESEND", "SENT");
        assertThat(count("select count(*) from claim where status = 'SENT'")).isEqualTo(1);
    }
}
