package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leave dates and withdrawals on a file's own lines go through the safety valve like the members a
 * snapshot leaves out: a file giving everyone a leave date (snapshot or delta) is held before anyone's
 * cover ends; released, they leave; rejected, nobody does. One leaver in a delta still applies at once.
 */
class HrLeaveDateSafetyTest extends HrValveTestBase {

    static final String FIRST = "RH_COMPLET_20261101.csv";
    static final String EVERYONE_LEAVES = "RH_COMPLET_20261201.csv";

    int coveredDependants;

    private void membersLoaded() {
        dropHrFile(FIRST, sample("hr/" + FIRST));
        assertThat(awaitExchange(FIRST)).containsEntry("status", "DONE_WITH_ERRORS");
        assertThat(activeMembers()).as("300 members, 8 of them leavers").isEqualTo(292);
        coveredDependants = coveredDependants();
    }

    @Test
    void aSnapshotGivingEveryMemberAPastLeaveDateIsHeldAndRejectedNobodyLeavesNowOrLater() {
        membersLoaded();
        dropHrFile(EVERYONE_LEAVES, everyMember(true, f -> leaveOn(f, "15/11/2026")));
        Map<String, Object> held = awaitHeld(EVERYONE_LEAVES);
        assertThat((String) held.get("hold_reason"))
                .contains("make 292 of 292 active members leave (100 %), 292 of them by a leave date or withdrawal on their own line")
                .contains("end the cover of " + coveredDependants + " of " + coveredDependants + " covered spouses and children")
                .contains("5 %").contains("Are its leave dates or withdrawals wrong?").doesNotContain("cut short")
                .doesNotContain("BEN AMOR").doesNotContain("Amine");
        assertNobodysCoverEnded();

        assertThat(action("operator", held.get("id"), "reject").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select status from exchange where id = ?", String.class, held.get("id"))).isEqualTo("REJECTED");
        assertNobodysCoverEnded();
        assertThat(count("select count(*) from hr_deferred_line")).as("the lines it put aside are dropped").isZero();

        // the next real snapshot applies, and no leave date of the rejected file comes back with it
        dropHrFile("RH_COMPLET_20261202.csv", everyMember(true, f -> f));
        assertThat(awaitExchange("RH_COMPLET_20261202.csv")).containsEntry("status", "DONE");
        assertThat(activeMembers()).isEqualTo(292);
        assertThat(count("select count(*) from member where leave_date is not null")).isEqualTo(8);
    }

    @Test
    void releasedByAPersonTheLeaveDatesOfTheHeldSnapshotTakeEffect() {
        membersLoaded();
        dropHrFile(EVERYONE_LEAVES, everyMember(true, f -> leaveOn(f, "15/11/2026")));
        Map<String, Object> held = awaitHeld(EVERYONE_LEAVES);
        int covered = count("select count(*) from beneficiary where status = 'ACTIVE'");

        assertThat(action("operator", held.get("id"), "release").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitStatus(held.get("id"), "DONE");
        assertThat(activeMembers()).isZero();
        assertThat(coveredDependants()).isZero();
        assertThat(count("select count(*) from member where status = 'LEFT' and leave_date = date '2026-11-15'")).isEqualTo(292);
        assertThat(count("select count(*) from membership_movement where movement_type = 'RETRAIT' and exchange_id = ?",
                held.get("id"))).as("one withdrawal per person covered").isEqualTo(covered);
        assertThat(count("select count(*) from membership_movement where movement_type = 'RETRAIT' and line_no is null"))
                .as("each withdrawal names the file's line").isZero();
        assertThat(count("select count(*) from hr_deferred_line")).isZero();
    }

    @Test
    void aSnapshotGivingEveryMemberTheFileDateAsLeaveDateIsHeldToo() {
        membersLoaded();
        // an export that writes its own date in date_sortie: nobody leaves today, everyone with the next file
        dropHrFile(EVERYONE_LEAVES, everyMember(true, f -> leaveOn(f, "01/12/2026")));
        Map<String, Object> held = awaitHeld(EVERYONE_LEAVES);
        assertThat((String) held.get("hold_reason")).contains("make 292 of 292 active members leave");
        assertNobodysCoverEnded();
    }

    @Test
    void aDeltaWithdrawingEveryMemberIsHeldAndRejectedNobodyLeaves() {
        membersLoaded();
        dropHrFile("RH_DELTA_20261115.csv", everyMember(false, f -> {
            f[17] = "S";
            return f;
        }));
        Map<String, Object> held = awaitHeld("RH_DELTA_20261115.csv");
        assertThat((String) held.get("hold_reason")).startsWith("this delta looks wrong: ")
                .contains("make 292 of 292 active members leave");
        assertNobodysCoverEnded();

        assertThat(action("operator", held.get("id"), "reject").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertNobodysCoverEnded();
        assertThat(count("select count(*) from hr_deferred_line")).isZero();
    }

    @Test
    void inACompanyOfOneFamilyALeaverAndAWithdrawnChildStillApplyAtOnce() {
        String member = "700001;00;A;NOUVEAU;Karim;10/05/1985;M;12345678;01/01/2020;;DEX-SFN;;;;;;;";
        String child = "700001;10;E;NOUVEAU;Yasmine;10/05/2010;F;;;;;;;;N;N;;";
        dropHrFile("RH_DELTA_20261120.csv", (header() + member + "A\n" + child + "A\n").getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261120.csv")).containsEntry("status", "DONE");

        // 100 % of the members and of the dependants, but one family: ordinary HR business, not held
        String leaves = member.replace(";01/01/2020;;", ";01/01/2020;20/11/2026;") + "M\n";
        dropHrFile("RH_DELTA_20261121.csv", (header() + leaves + child + "S\n").getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261121.csv")).containsEntry("status", "DONE").containsEntry("hold_reason", null);
        assertThat(jdbc.queryForList("""
                select b.status from beneficiary b join member m on m.id = b.member_id where m.matricule = '700001'
                order by b.rank""", String.class)).containsExactly("ENDED", "ENDED");
        assertThat(jdbc.queryForMap("select status, leave_date from member where matricule = '700001'"))
                .containsEntry("status", "LEFT").containsEntry("leave_date", java.sql.Date.valueOf("2026-11-20"));
    }

    @Test
    void inACompanyOfThreeFamiliesTwoLeaversStillApplyAtOnce() {
        String[] members = {"700001;00;A;NOUVEAU;Karim;10/05/1985;M;12345678;01/01/2020;;DEX-SFN;;;;;;;",
                "700002;00;A;NOUVEAU;Sami;11/06/1986;M;12345679;01/01/2020;;DEX-SFN;;;;;;;",
                "700003;00;A;NOUVEAU;Hela;12/07/1987;F;12345680;01/01/2020;;DEX-SFN;;;;;;;"};
        dropHrFile("RH_DELTA_20261120.csv", (header() + String.join("A\n", members) + "A\n").getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261120.csv")).containsEntry("status", "DONE");

        // two thirds of the members, but two people (under hub.hr.min-held-by-lines): ordinary HR business
        String leavers = members[0].replace(";01/01/2020;;", ";01/01/2020;20/11/2026;") + "M\n"
                + members[1].replace(";01/01/2020;;", ";01/01/2020;20/11/2026;") + "M\n";
        dropHrFile("RH_DELTA_20261121.csv", (header() + leavers).getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261121.csv")).containsEntry("status", "DONE").containsEntry("hold_reason", null);
        assertThat(jdbc.queryForList("select status from member where matricule like '70000%' order by matricule", String.class))
                .containsExactly("LEFT", "LEFT", "ACTIVE");
    }

    @Test
    void anOrdinaryDeltaWithOneLeaverAppliesAtOnce() {
        membersLoaded();
        String line = memberLine("000010");
        String[] f = line.split(";", -1);
        f[9] = "10/11/2026";
        f[17] = "M";
        int family = count("select count(*) from beneficiary b join member m on m.id = b.member_id "
                + "where m.matricule = '000010' and b.status = 'ACTIVE'");
        dropHrFile("RH_DELTA_20261115.csv", (header() + String.join(";", f) + "\n").getBytes(StandardCharsets.UTF_8));
        Map<String, Object> delta = awaitExchange("RH_DELTA_20261115.csv");

        assertThat(delta).containsEntry("status", "DONE").containsEntry("hold_reason", null);
        assertThat(jdbc.queryForMap("select status, leave_date from member where matricule = '000010'"))
                .containsEntry("status", "LEFT").containsEntry("leave_date", java.sql.Date.valueOf("2026-11-10"));
        assertThat(count("select count(*) from membership_movement where movement_type = 'RETRAIT' and exchange_id = ?",
                delta.get("id"))).isEqualTo(family).isGreaterThan(1);
        assertThat(activeMembers()).isEqualTo(291);
    }

    private void assertNobodysCoverEnded() {
        assertThat(activeMembers()).isEqualTo(292);
        assertThat(coveredDependants()).isEqualTo(coveredDependants);
        assertThat(count("select count(*) from membership_movement where movement_type = 'RETRAIT'")).isZero();
        assertThat(count("select count(*) from member where leave_date is not null")).as("the sample's 8 leavers only").isEqualTo(8);
        assertThat(count("select count(*) from member_card where status in ('TO_REVOKE', 'REVOKED')")).isZero();
    }

    /** The sample's valid lines of the active members, changed, with (for a snapshot) their dependants' lines unchanged. */
    private byte[] everyMember(boolean withDependants, UnaryOperator<String[]> change) {
        List<String> active = jdbc.queryForList("select matricule from member where status = 'ACTIVE'", String.class);
        StringBuilder file = new StringBuilder(header());
        java.util.Set<String> listed = new java.util.HashSet<>();
        sampleLines().stream().skip(1).forEach(line -> {
            String[] f = line.split(";", -1);
            if (f.length != 18 || !listed.add(f[0] + "/" + f[1])) {
                return; // the sample's bad lines and its duplicate stay out: every line of this file is valid
            }
            if (f[1].equals("00") && active.contains(f[0])) {
                file.append(String.join(";", change.apply(f))).append('\n');
            } else if (withDependants && active.contains(f[0])) {
                file.append(line).append('\n');
            }
        });
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String[] leaveOn(String[] f, String date) {
        f[9] = date;
        return f;
    }

    private static String memberLine(String matricule) {
        return sampleLines().stream().filter(l -> l.startsWith(matricule + ";00;")).findFirst().orElseThrow();
    }

    private static String header() {
        return sampleLines().get(0) + "\n";
    }

    private static List<String> sampleLines() {
        return new String(sample("hr/" + FIRST), StandardCharsets.UTF_8).lines().toList();
    }




}
