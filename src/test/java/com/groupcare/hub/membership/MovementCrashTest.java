package com.groupcare.hub.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import com.groupcare.hub.support.CrashOnce;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub dies after the movement file is on the insurer's server, before recording it: redelivered, it is not uploaded again. */
class MovementCrashTest extends HubIntegrationTest {

    @AfterEach
    void noMoreCrashes() {
        CrashOnce.drop(jdbc, "movement_batch");
    }

    @Test
    void aMovementFileStillOnTheInsurersServerIsRecordedNotUploadedAgain() throws Exception {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        dropHrFile("RH_DELTA_20261115.csv", sample("hr/RH_DELTA_20261115.csv"));
        awaitExchange("RH_DELTA_20261115.csv");
        CrashOnce crash = CrashOnce.whenStatusBecomes(jdbc, "movement_batch", "SENT");
        as("operator").postForObject("/api/movements/send?policyNumber=POL-TRS-2026", null, java.util.Map.class);
        Path file = sftpServer.root().resolve("insurers/outbox/MVT_POL-TRS-2026_00001.csv");
        for (int i = 0; i < 300 && !Files.exists(file); i++) {
            sleep(100);
        }
        long written = Files.getLastModifiedTime(file).toMillis() - 60_000;
        Files.setLastModifiedTime(file, FileTime.fromMillis(written));
        crash.openTheGate();

        CrashOnce.awaitRecord(jdbc, "movement_batch", "SENT");
        assertThat(crash.records()).as("it did crash once").isEqualTo(2);
        assertThat(Files.getLastModifiedTime(file).toMillis()).as("not written again").isEqualTo(written);
        assertThat(Files.readString(file)).isEqualTo(Files.readString(MovementFlowTest.EXPECTED));
        assertThat(count("select count(*) from movement_dispatch where status <> 'SENT'")).isZero();
        assertThat(count("select count(*) from exchange where direction = 'OUT' and flow = 'membership-movements'")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select after_state::text from audit_entry where entity_type = 'MOVEMENT_BATCH' and action = 'SENT'",
                String.class)).contains("found on the insurer's server");
    }
}
