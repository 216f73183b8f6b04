package com.groupcare.hub.membership;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.groupcare.hub.exchange.ChunkRef;
import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One chunk that keeps failing does not stop HR sync: once the broker gives up, its file is FAILED with
 * the reason, the other chunks stay applied, the next file goes, and a replay applies only what is missing.
 */
class HrDeadLetterTest extends HubIntegrationTest {

    static final String SNAPSHOT = "RH_COMPLET_20261101.csv";
    static final AtomicBoolean BROKEN = new AtomicBoolean();
    static final AtomicBoolean ADVISED = new AtomicBoolean();
    static final AtomicInteger ATTEMPTS = new AtomicInteger();
    static final AtomicInteger OUTAGE_ATTEMPTS_LEFT = new AtomicInteger();

    @Autowired
    CamelContext camel;

    @Test
    void aChunkThatKeepsFailingFailsItsFileWhichIsReplayedOnceTheCauseIsFixed() throws Exception {
        breakChunk2();

        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> failed = awaitExchange(SNAPSHOT);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("retry_at", null);
        assertThat((String) failed.get("failure_reason")).startsWith("chunk 2 (lines ")
                .contains("IllegalStateException: simulated bug in chunk 2").contains("replay it once the cause is fixed");
        assertThat(ATTEMPTS.get()).as("the broker's deliveries").isEqualTo(3);
        int chunks = count("select chunks_expected from exchange where id = ?", failed.get("id"));
        awaitChunksDone(failed.get("id"), chunks - 1);
        int membersWithoutChunk2 = count("select count(*) from member");
        assertThat(membersWithoutChunk2).isBetween(200, 299);

        // the next file is not blocked by the failed one
        String delta = "matricule;rang;lien;nom;prenom;date_naissance;sexe;cin;date_embauche;date_sortie;code_unite;rib;"
                + "telephone;email;etudiant;handicape;date_effet;action\n"
                + "700001;00;A;NOUVEAU;Karim;10/05/1985;M;12345678;01/01/2020;;DEX-SFN;;;;;;;A\n";
        dropHrFile("RH_DELTA_20261102.csv", delta.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261102.csv")).containsEntry("status", "DONE");

        // a newer file went over: replaying the old snapshot now would undo it, so the hub says no
        ResponseEntity<Map<String, Object>> refused = replay(failed.get("id"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(String.valueOf(refused.getBody())).contains("a newer file of this flow has been applied since");
    }

    @Test
    void aReplayAfterTheFixAppliesOnlyTheChunksNotYetApplied() throws Exception {
        breakChunk2();
        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> failed = awaitExchange(SNAPSHOT);
        assertThat(failed).containsEntry("status", "FAILED");
        awaitChunksDone(failed.get("id"), count("select chunks_expected from exchange where id = ?", failed.get("id")) - 1);
        int movementsBefore = count("select count(*) from membership_movement");

        BROKEN.set(false);
        assertThat(replay(failed.get("id")).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> done = awaitStatus(failed.get("id"), "DONE_WITH_ERRORS");

        assertThat(done).containsEntry("total_count", 964).containsEntry("rejected_count", 13);
        assertThat(count("select count(*) from member")).isEqualTo(300);
        assertThat(count("select count(*) from beneficiary")).isEqualTo(951);
        assertThat(count("select count(*) from exchange_error where exchange_id = ?", failed.get("id"))).isEqualTo(13);
        assertThat(count("select count(*) from membership_movement")).isGreaterThan(movementsBefore)
                .isEqualTo(count("select count(*) from beneficiary where status = 'ACTIVE'"));
        assertThat(jdbc.queryForList("select action, actor from audit_entry where entity_type = 'exchange'"))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("action", "REPLAY").containsEntry("actor", "integrator"));
    }

    @Test
    void aFileFailedByADatabaseOutageIsReplayedByTheHubItselfOnceTheDatabaseIsBack() throws Exception {
        breakChunk2();
        // the outage outlasts the broker's 3 deliveries, then the database is back
        OUTAGE_ATTEMPTS_LEFT.set(3);
        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> failed = awaitExchange(SNAPSHOT);
        assertThat(failed).containsEntry("status", "FAILED");
        assertThat((String) failed.get("failure_reason")).contains("simulated database outage")
                .contains("the hub replays it by itself");
        BROKEN.set(false);

        Map<String, Object> done = awaitStatus(failed.get("id"), "DONE_WITH_ERRORS");
        assertThat(done).containsEntry("total_count", 964).containsEntry("rejected_count", 13).containsEntry("retries", 1);
        assertThat(count("select count(*) from member")).isEqualTo(300);
        assertThat(count("select count(*) from beneficiary")).isEqualTo(951);
        assertThat(jdbc.queryForList("select actor from audit_entry where entity_type = 'exchange'", String.class))
                .containsExactly("hub");
    }

    @AfterEach
    void fixed() {
        // the advice stays on the route of the shared test context: other tests must not meet it
        BROKEN.set(false);
    }

    /** Chunk 2 of any HR file fails until the flag is cleared (the route is advised once for the whole class). */
    private void breakChunk2() throws Exception {
        BROKEN.set(true);
        ATTEMPTS.set(0);
        OUTAGE_ATTEMPTS_LEFT.set(0);
        if (ADVISED.compareAndSet(false, true)) {
            AdviceWith.adviceWith(camel, "hr-sync-apply", route -> route.weaveByType(org.apache.camel.model.BeanDefinition.class)
                    .before().process(e -> {
                        if (BROKEN.get() && e.getMessage().getBody(ChunkRef.class).chunkNo() == 2) {
                            if (OUTAGE_ATTEMPTS_LEFT.getAndDecrement() > 0) {
                                throw new org.springframework.jdbc.CannotGetJdbcConnectionException("simulated database outage");
                            }
                            ATTEMPTS.incrementAndGet();
                            throw new IllegalStateException("simulated bug in chunk 2");
                        }
                    }));
        }
    }

    private void awaitChunksDone(Object exchangeId, int chunks) {
        for (int i = 0; i < 300 && count("select chunks_done from exchange where id = ?", exchangeId) < chunks; i++) {
            sleep(100);
        }
        assertThat(count("select chunks_done from exchange where id = ?", exchangeId)).isEqualTo(chunks);
    }

    private ResponseEntity<Map<String, Object>> replay(Object id) {
        return as("integrator").exchange("/api/exchanges/" + id + "/replay", HttpMethod.POST, HttpEntity.EMPTY,
                new ParameterizedTypeReference<>() { });
    }
}
