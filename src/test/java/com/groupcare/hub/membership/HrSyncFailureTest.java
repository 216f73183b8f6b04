package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Files that cannot be read fail whole and are kept; a file interrupted mid-way resumes without doubling. */
class HrSyncFailureTest extends HubIntegrationTest {

    static final String SNAPSHOT = "RH_COMPLET_20261101.csv";

    @Autowired
    CamelContext camel;

    @Test
    void aFileWithAnUnknownNameFailsAsAWholeAndMovesToFailed() throws Exception {
        dropHrFile("salaries.csv", sample("hr/" + SNAPSHOT));
        Map<String, Object> exchange = awaitExchange("salaries.csv");
        assertThat(exchange).containsEntry("status", "FAILED");
        assertThat((String) exchange.get("failure_reason")).contains("file name matches neither");
        Path stored = Path.of((String) exchange.get("stored_path"));
        assertThat(stored).exists();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
                .as("a partner's original is readable by the hub's user only").isEqualTo("rw-------");
        awaitFile(sftpServer.inbox("hr").resolve(".failed/salaries.csv"));
        assertThat(count("select count(*) from member")).isZero();
    }

    @Test
    void aFileWithAWrongHeaderFailsAsAWhole() {
        String file = "matricule;nom;prenom\n000001;BEN SALAH;Mohamed\n";
        dropHrFile("RH_DELTA_20261116.csv", file.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261116.csv");
        assertThat(exchange).containsEntry("status", "FAILED");
        assertThat((String) exchange.get("failure_reason")).contains("header does not match");
        awaitFile(sftpServer.inbox("hr").resolve(".failed/RH_DELTA_20261116.csv"));
    }

    @Test
    void aSplitInterruptedMidwayIsDoneAgainAndNothingIsDoubled() throws Exception {
        AtomicInteger sent = new AtomicInteger();
        AdviceWith.adviceWith(camel, "hr-sync-split", route -> route.weaveByToUri("jms:*").after().process(e -> {
            if (sent.incrementAndGet() == 3) {
                throw new IllegalStateException("simulated crash in the middle of the split");
            }
        }));

        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> resumed = awaitExchange(SNAPSHOT);
        assertThat(sent.get()).isGreaterThan(3);

        assertThat(resumed).containsEntry("total_count", 964)
                .containsEntry("rejected_count", 13);
        assertThat(count("select count(*) from exchange")).isEqualTo(1);
        assertThat(count("select count(*) from member")).isEqualTo(300);
        assertThat(count("select count(*) from beneficiary")).isEqualTo(951);
        assertThat(count("select count(*) from exchange_error")).isEqualTo(13);
        assertThat(count("select count(*) from membership_movement"))
                .isEqualTo(count("select count(*) from beneficiary where status = 'ACTIVE'"));
    }

    private static void awaitFile(Path file) {
        for (int i = 0; i < 100 && !Files.exists(file); i++) {
            sleep(100);
        }
        assertThat(file).exists();
    }
}
