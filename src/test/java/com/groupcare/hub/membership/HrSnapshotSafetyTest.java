package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** An empty, header-only or cut-short full snapshot never turns members into leavers: it is held for a person. */
class HrSnapshotSafetyTest extends HrValveTestBase {

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

    @Test
    void aSnapshotListingEveryMemberButNoDependantIsHeldEvenPaddedToTheUsualLength() {
        List<String> lines = new String(sample("hr/" + FIRST), StandardCharsets.UTF_8).lines().toList();
        List<String> membersOnly = lines.stream().filter(l -> l.startsWith("matricule") || l.split(";", -1)[1].equals("00")).toList();
        // made-up members keep the file above 80 % of the last snapshot's lines: only the dependants check can catch it
        String padded = String.join("\n", membersOnly) + "\n" + madeUpMembers(780 - membersOnly.size());
        int coveredDependants = coveredDependants();
        dropHrFile("RH_COMPLET_20261202.csv", padded.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> held = awaitHeld("RH_COMPLET_20261202.csv");
        assertThat((String) held.get("hold_reason"))
                .contains("end the cover of " + coveredDependants + " of " + coveredDependants + " covered spouses and children")
                .doesNotContain("members leave").doesNotContain("fewer than");
        assertThat(coveredDependants()).isEqualTo(coveredDependants);

        assertThat(action("operator", held.get("id"), "reject").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(coveredDependants()).as("every spouse and child still covered").isEqualTo(coveredDependants);
    }

    @Test
    void aSnapshotDroppingRealMembersIsHeldHoweverManyMadeUpOnesItAdds() {
        List<String> dropped = jdbc.queryForList("select matricule from member where status = 'ACTIVE' order by matricule limit 20",
                String.class);
        String withoutThem = new String(sample("hr/" + FIRST), StandardCharsets.UTF_8).lines()
                .filter(l -> !dropped.contains(l.split(";", -1)[0])).reduce("", (a, l) -> a + l + "\n");
        // 300 made-up matricules would make the 20 real leavers 3.4 % of all active members after the file
        dropHrFile("RH_COMPLET_20261202.csv", (withoutThem + madeUpMembers(300)).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> held = awaitHeld("RH_COMPLET_20261202.csv");
        assertThat((String) held.get("hold_reason")).contains("make 20 of 292 active members leave (6.85 %)", "5 %");
        assertThat(jdbc.queryForList("select distinct status from member where matricule in (?" + ", ?".repeat(19) + ")",
                String.class, dropped.toArray())).containsExactly("ACTIVE");
        String madeUpSent = "select count(*) from movement_dispatch d join membership_movement mv on mv.id = d.movement_id "
                + "join member m on m.id = mv.member_id where m.matricule like '9%'";
        as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(count(madeUpSent)).as("a held file tells the insurer nothing before a person decides").isZero();

        assertThat(action("operator", held.get("id"), "release").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStatus(held.get("id"), "DONE_WITH_ERRORS");
        as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class);
        assertThat(count(madeUpSent)).as("released: its movements go in the next batch").isEqualTo(300);
        assertThat(jdbc.queryForList("select distinct status from member where matricule in (?" + ", ?".repeat(19) + ")",
                String.class, dropped.toArray())).as("released by a person: the departures are real").containsExactly("LEFT");
    }

    private static String madeUpMembers(int n) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            lines.append(String.format("9%05d;00;A;FICTIF;Membre;10/05/1985;M;%08d;01/01/2020;;DEX-SFN;;;;;;;\n", i, 20_000_000 + i));
        }
        return lines.toString();
    }




}
