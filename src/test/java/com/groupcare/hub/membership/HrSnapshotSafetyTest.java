package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** An empty, header-only or cut-short full snapshot never turns members into leavers: it is held for a person. */
class HrSnapshotSafetyTest extends HubIntegrationTest {

    static final String FIRST = "RH_COMPLET_20261101.csv";

    @BeforeEach
    void membersLoaded() {
        dropHrFile(FIRST, sample("hr/" + FIRST));
        assertThat(awaitExchange(FIRST)).containsEntry("status", "DONE_WITH_ERRORS");
        assertThat(activeMembers()).as("300 members, 8 of them leavers").isEqualTo(292);
    }

    @Test
    void aHeaderOnlySnapshotIsHeldAndRejectingItLeavesEveryoneCovered() throws Exception {
        byte[] headerOnly = getClass().getResourceAsStream("/hostile/hr/RH_COMPLET_20261201.csv").readAllBytes();
        dropHrFile("RH_COMPLET_20261201.csv", headerOnly);
        Map<String, Object> held = awaitHeld("RH_COMPLET_20261201.csv");
        assertThat((String) held.get("hold_reason")).contains("292 of 292 active members leave").contains("5 %");
        assertThat(activeMembers()).isEqualTo(292);
        assertThat(count("select count(*) from membership_movement where movement_type = 'RETRAIT'")).isZero();

        assertThat(action("auditor", held.get("id"), "reject").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map<String, Object>> rejected = action("operator", held.get("id"), "reject");
        assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForMap("select status from exchange where id = ?", held.get("id"))).containsEntry("status", "REJECTED");
        assertThat(activeMembers()).isEqualTo(292);
        assertThat(jdbc.queryForList("select action, actor from audit_entry where entity_type = 'exchange' and entity_id = ?",
                held.get("id").toString())).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("action", "REJECT").containsEntry("actor", "operator"));
        assertThat(action("operator", held.get("id"), "release").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aSnapshotCutShortIsHeldThenReleasedByAPersonItMakesItsLeavers() {
        List<String> lines = new String(sample("hr/" + FIRST), StandardCharsets.UTF_8).lines().toList();
        // cut at a family boundary after 40 % of the lines, with a proper line end: only the leavers step can hurt
        int cut = (int) (lines.size() * 0.4);
        while (lines.get(cut).startsWith(lines.get(cut - 1).substring(0, 6))) {
            cut++;
        }
        String truncated = String.join("\n", lines.subList(0, cut)) + "\n";
        dropHrFile("RH_COMPLET_20261202.csv", truncated.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> held = awaitHeld("RH_COMPLET_20261202.csv");
        assertThat((String) held.get("hold_reason")).contains("active members leave");
        int listed = count("select count(distinct substr(l, 1, 6)) from unnest(?::text[]) l",
                (Object) lines.subList(1, cut).toArray(String[]::new));
        assertThat(activeMembers()).isEqualTo(292);

        ResponseEntity<Map<String, Object>> released = action("operator", held.get("id"), "release");
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(awaitStatus(held.get("id"), "DONE_WITH_ERRORS")).isNotNull();
        int stillListedButRejected = count("""
                select count(distinct m.matricule) from member m where m.status = 'ACTIVE'""");
        assertThat(stillListedButRejected).isLessThanOrEqualTo(listed).isGreaterThan(listed - 10);
        assertThat(jdbc.queryForList("select action, actor from audit_entry where entity_type = 'exchange'"))
                .singleElement().satisfies(a -> assertThat(a).containsEntry("action", "RELEASE").containsEntry("actor", "operator"));
    }

    @Test
    void aSnapshotMuchShorterThanTheLastOneIsHeldEvenWithFewLeavers() {
        // the same people, but their dependants missing: no leaver, half the lines
        String membersOnly = new String(sample("hr/" + FIRST), StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("matricule") || l.split(";", -1)[1].equals("00"))
                .reduce("", (a, l) -> a + l + "\n");
        int endedBefore = count("select count(*) from beneficiary where status = 'ENDED'");
        dropHrFile("RH_COMPLET_20261203.csv", membersOnly.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> held = awaitHeld("RH_COMPLET_20261203.csv");
        assertThat((String) held.get("hold_reason")).contains("fewer than 80 %").contains("of the 964 lines");
        assertThat(count("select count(*) from beneficiary where status = 'ENDED'")).isEqualTo(endedBefore);
    }

    private int activeMembers() {
        return count("select count(*) from member where status = 'ACTIVE'");
    }

    private Map<String, Object> awaitHeld(String fileName) {
        for (int i = 0; i < 600; i++) {
            List<Map<String, Object>> rows = jdbc.queryForList("select * from exchange where file_name = ? and status = 'HELD'", fileName);
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            sleep(100);
        }
        throw new AssertionError("not held: " + jdbc.queryForList("select id, status, failure_reason from exchange where file_name = ?", fileName));
    }

    private ResponseEntity<Map<String, Object>> action(String user, Object id, String action) {
        return as(user).exchange("/api/exchanges/" + id + "/" + action, HttpMethod.POST, HttpEntity.EMPTY,
                new ParameterizedTypeReference<>() { });
    }
}
