package com.groupcare.hub.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HR samples' movements leave for the insurer as its movement file, byte for byte
 * (inbox-samples/insurer-movements/), recorded as an outbound exchange; sending again sends nothing.
 */
class MovementFlowTest extends HubIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    MovementBatches batches;

    @org.springframework.beans.factory.annotation.Autowired
    org.apache.camel.CamelContext camel;

    static final java.util.concurrent.atomic.AtomicBoolean SERVER_DOWN = new java.util.concurrent.atomic.AtomicBoolean();

    @Test
    void aFileTheInsurersServerRefusesLeavesTheMovementsUnsentAndVisibleUntilSentAgain() throws Exception {
        org.apache.camel.builder.AdviceWith.adviceWith(camel, "membership-movements-write", route -> route
                .weaveByType(org.apache.camel.model.ToDefinition.class).before().process(e -> {
                    if (SERVER_DOWN.get()) {
                        throw new java.io.IOException("simulated: the insurer's server refuses the connection");
                    }
                }));
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        // the drop zone outlives the database between tests: another test may have left this insurer a file
        Files.deleteIfExists(sftpServer.root().resolve("insurers/outbox/ATL_ADHESIONS_00001.txt"));
        SERVER_DOWN.set(true);
        try {
            as("operator").postForObject("/api/movements/send?policyNumber=POL-ATL-2026", null, Map.class);
            for (int i = 0; i < 200 && count("select count(*) from movement_batch where status = 'FAILED'") == 0; i++) {
                sleep(100);
            }
        } finally {
            SERVER_DOWN.set(false);
        }
        List<Map> failed = List.of(as("auditor").getForObject("/api/movements/batches?policyNumber=POL-ATL-2026", Map[].class));
        assertThat(failed).singleElement().satisfies(b -> assertThat(b).containsEntry("status", "FAILED")
                .containsEntry("batch_number", "MVT-POL-ATL-2026-00001"));
        assertThat(count("select count(*) from movement_dispatch where status <> 'PENDING'")).as("nothing marked sent").isZero();
        assertThat(count("select count(*) from membership_movement where sent_exchange_id is not null")).isZero();
        assertThat(sftpServer.root().resolve("insurers/outbox/ATL_ADHESIONS_00001.txt")).doesNotExist();

        as("operator").postForObject("/api/movements/batches/MVT-POL-ATL-2026-00001/resend", null, Map.class);
        for (int i = 0; i < 100 && count("select count(*) from movement_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        assertThat(sftpServer.root().resolve("insurers/outbox/ATL_ADHESIONS_00001.txt")).exists();
        assertThat(count("select count(*) from movement_dispatch where status = 'SENT'"))
                .isEqualTo(count("select count(*) from movement_dispatch"));
    }

    @Test
    void theScheduleRouteRunsWithoutError() {
        var failed = new org.apache.camel.builder.NotifyBuilder(camel).fromRoute("membership-movements-schedule").whenFailed(1).create();
        var done = new org.apache.camel.builder.NotifyBuilder(camel).fromRoute("membership-movements-schedule").whenCompleted(2).create();
        assertThat(done.matches(10, java.util.concurrent.TimeUnit.SECONDS)).as("the timer ran twice").isTrue();
        assertThat(failed.matches()).as("the timer's empty body is bound to no method argument").isFalse();
    }

    @Test
    void eachInsurerGetsItsFileWhenItsScheduleComesRound() {
        hrSamples();
        batches.sendDueAt(java.time.LocalDateTime.of(2026, 12, 2, 17, 59));
        assertThat(count("select count(*) from movement_batch")).as("first look: nothing due yet").isZero();
        batches.sendDueAt(java.time.LocalDateTime.of(2026, 12, 2, 18, 1));
        assertThat(jdbc.queryForList("select policy_number, created_by from movement_batch"))
                .as("a Wednesday after 18:00: POL-TRS-2026 (working days 18:00), not POL-ATL-2026 (Fridays 17:30)")
                .singleElement().satisfies(b -> assertThat(b).containsEntry("policy_number", "POL-TRS-2026")
                        .containsEntry("created_by", "schedule"));
        batches.sendDueAt(java.time.LocalDateTime.of(2026, 12, 2, 18, 2));
        assertThat(count("select count(*) from movement_batch")).isEqualTo(1);
    }

    @Test
    void aNameHoldingALineBreakOrTheDelimiterNeitherSplitsARecordNorShiftsItsColumns() throws Exception {
        hrSamples();
        // kept from before HR files were checked for control characters: the file must still hold one record per movement
        jdbc.update("update beneficiary set first_name = 'Ai\r\ncha;X' where rank = 1 and member_id = (select id from member where matricule = '000001')");
        Path file = sftpServer.root().resolve("insurers/outbox/MVT_POL-TRS-2026_00001.csv");
        Files.deleteIfExists(file);
        as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class);
        for (int i = 0; i < 100 && count("select count(*) from movement_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        try {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSize(count("select count(*) from membership_movement") + 2)
                    .allSatisfy(l -> assertThat(l.split(";", -1)).hasSizeBetween(5, 12));
            assertThat(lines).filteredOn(l -> l.contains(";000001;01;")).singleElement().asString().contains(";Ai  cha X;");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static final Path EXPECTED = Path.of("inbox-samples/insurer-movements/MVT_POL-TRS-2026_00001.csv");

    void hrSamples() {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        dropHrFile("RH_DELTA_20261115.csv", sample("hr/RH_DELTA_20261115.csv"));
        awaitExchange("RH_DELTA_20261115.csv");
    }

    @Test
    void theHrSamplesMovementsGoToTheInsurerByteForByteAndOnlyOnce() throws Exception {
        hrSamples();
        assertThat(as("auditor").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> sent = as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(sent.getBody()).containsEntry("batch_number", "MVT-POL-TRS-2026-00001")
                .containsEntry("file_name", "MVT_POL-TRS-2026_00001.csv");
        int movements = count("select count(*) from membership_movement");
        assertThat(sent.getBody()).containsEntry("movement_count", movements);

        Path file = sftpServer.root().resolve("insurers/outbox/MVT_POL-TRS-2026_00001.csv");
        for (int i = 0; i < 100 && count("select count(*) from movement_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        assertThat(count("select count(*) from movement_dispatch where status = 'SENT'")).isEqualTo(movements);
        if (Boolean.getBoolean("movements.write-expected")) {
            Files.copy(file, EXPECTED, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(EXPECTED));
        assertThat(count("select count(*) from exchange where direction = 'OUT' and flow = 'membership-movements' "
                + "and file_name = 'MVT_POL-TRS-2026_00001.csv'")).isEqualTo(1);
        assertThat(count("select count(*) from membership_movement where sent_exchange_id is null")).isZero();

        assertThat(as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class).getBody())
                .as("nothing new: nothing sent").containsEntry("movements", 0);
        assertThat(count("select count(*) from movement_batch")).isEqualTo(1);
        List<Map> batches = List.of(as("auditor").getForObject("/api/movements/batches?policyNumber=POL-TRS-2026", Map[].class));
        assertThat(batches).singleElement().satisfies(b -> assertThat(b).containsEntry("status", "SENT"));

        // the insurer's answer, beside its remittances in its inbox: two rejections, an unknown reference, a bad status
        String ack = "reference;statut;code\n1;OK;\n2;KO;M04\n605;KO;M03\n9999;OK;\n3;PEUT-ETRE;\n";
        dropOverSftp("insurers/inbox", "ACK_MVT_POL-TRS-2026_20261120.csv", ack.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> answer = awaitExchange("ACK_MVT_POL-TRS-2026_20261120.csv");
        assertThat(answer).containsEntry("flow", "movement-ack").containsEntry("status", "DONE_WITH_ERRORS")
                .containsEntry("rejected_count", 2);
        assertThat(jdbc.queryForList("select line_no, code from exchange_error where exchange_id = ? order by line_no", answer.get("id")))
                .extracting(r -> r.get("line_no") + " " + r.get("code")).containsExactly("5 UNKNOWN_REFERENCE", "6 BAD_STATUS");
        assertThat(jdbc.queryForList("select id, status, insurer_label from movement_dispatch where id in (1, 2, 605) order by id"))
                .extracting(r -> r.get("id") + " " + r.get("status") + " " + r.get("insurer_label"))
                .containsExactly("1 ACCEPTED null", "2 REJECTED Âge limite dépassé", "605 REJECTED Assuré inconnu (retrait)");
        List<Map> rejected = List.of(as("auditor").getForObject("/api/movements/rejected?policyNumber=POL-TRS-2026", Map[].class));
        assertThat(rejected).extracting(r -> r.get("reference")).containsExactly(2, 605);

        // the desk corrects one and sends it again: the next batch holds it alone
        assertThat(as("operator").postForObject("/api/movements/2/resend", null, Map.class)).containsEntry("status", "RESEND");
        assertThat(as("operator").postForEntity("/api/movements/2/resend", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        ResponseEntity<Map> second = as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(second.getBody()).containsEntry("batch_number", "MVT-POL-TRS-2026-00002").containsEntry("movement_count", 1);
        Path again = sftpServer.root().resolve("insurers/outbox/MVT_POL-TRS-2026_00002.csv");
        for (int i = 0; i < 100 && !Files.exists(again); i++) {
            sleep(100);
        }
        assertThat(Files.readAllLines(again)).containsExactly(
                "reference;police;mouvement;date_effet;matricule;rang;lien;nom;prenom;date_naissance;sexe;carte",
                "2;POL-TRS-2026;INC;11/03/2012;000001;01;C;RIAHI;Aicha;01/06/1991;FEMALE;000001-01",
                "FIN;1;1;0;0");
    }
}
