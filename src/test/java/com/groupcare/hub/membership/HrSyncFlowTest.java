package com.groupcare.hub.membership;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HR samples dropped over SFTP give exactly what inbox-samples/hr/EXPECTED.md says. */
class HrSyncFlowTest extends HubIntegrationTest {

    static final String SNAPSHOT = "RH_COMPLET_20261101.csv";
    static final String DELTA = "RH_DELTA_20261115.csv";

    @Test
    void snapshotSampleGivesTheExpectedMembersBeneficiariesLeaversAndRejectedLines() throws IOException {
        Properties expected = expectedSnapshot();

        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> exchange = awaitExchange(SNAPSHOT);

        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("file_kind", "SNAPSHOT")
                .containsEntry("total_count", intOf(expected, "lines"))
                .containsEntry("rejected_count", intOf(expected, "rejected"))
                .containsEntry("accepted_count", intOf(expected, "lines") - intOf(expected, "rejected"));
        assertThat((String) exchange.get("sha256")).hasSize(64);
        assertThat(count("select count(*) from member")).isEqualTo(intOf(expected, "members"));
        assertThat(count("select count(*) from member where status = 'LEFT' and leave_date is not null"))
                .isEqualTo(intOf(expected, "leavers"));
        for (String relationship : new String[] {"MEMBER", "SPOUSE", "CHILD"}) {
            assertThat(count("select count(*) from beneficiary where relationship = ?", relationship))
                    .as(relationship).isEqualTo(intOf(expected, "beneficiaries." + relationship));
        }
        // children past the age limit are known but not covered; leavers' families are not covered either
        assertThat(count("""
                select count(*) from beneficiary b join member m on m.id = b.member_id
                where b.relationship = 'CHILD' and b.status = 'ENDED' and m.status = 'ACTIVE'"""))
                .isEqualTo(intOf(expected, "children.pastAgeLimit") - 3);
        assertThat(count("select count(*) from beneficiary b join member m on m.id = b.member_id "
                + "where m.status = 'LEFT' and b.status = 'ACTIVE'")).isZero();

        Map<Integer, String> rejected = new TreeMap<>();
        jdbc.query("select line_no, code from exchange_error where exchange_id = ?",
                rs -> {
                    rejected.put(rs.getInt(1), rs.getString(2));
                }, exchange.get("id"));
        Map<Integer, String> expectedRejections = new TreeMap<>();
        expected.stringPropertyNames().stream().filter(k -> k.startsWith("rejected."))
                .forEach(k -> expectedRejections.put(Integer.parseInt(k.substring(9)), expected.getProperty(k)));
        assertThat(rejected).isEqualTo(expectedRejections);

        // every active member gets one card to issue and one incorporation per covered beneficiary
        int activeMembers = count("select count(*) from member where status = 'ACTIVE'");
        assertThat(count("select count(*) from member_card where status = 'TO_ISSUE'")).isEqualTo(activeMembers);
        assertThat(count("select count(*) from membership_movement where movement_type = 'INCORPORATION'"))
                .isEqualTo(count("select count(*) from beneficiary where status = 'ACTIVE'"));
        assertThat(count("select count(*) from audit_entry where actor = ?", "file:" + exchange.get("id")))
                .isEqualTo(count("select count(*) from member") + count("select count(*) from beneficiary")
                        + count("select count(*) from member_card"));
    }

    @Test
    void deltaAfterSnapshotAddsChangesAndWithdrawsExactlyWhatItSays() {
        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        awaitExchange(SNAPSHOT);
        dropHrFile(DELTA, sample("hr/" + DELTA));
        Map<String, Object> delta = awaitExchange(DELTA);

        assertThat(delta).containsEntry("status", "DONE").containsEntry("file_kind", "DELTA")
                .containsEntry("total_count", 12).containsEntry("rejected_count", 0);
        assertThat(count("select count(*) from member")).isEqualTo(302);
        assertThat(count("select count(*) from member where status = 'LEFT'")).isEqualTo(9);
        assertThat(count("select count(*) from beneficiary")).isEqualTo(960);
        assertThat(movements(delta, "INCORPORATION")).isEqualTo(9);
        assertThat(movements(delta, "MODIFICATION")).isEqualTo(1);
        assertThat(movements(delta, "RETRAIT")).isEqualTo(6);

        assertThat(jdbc.queryForMap("select unit_code, phone from member where matricule = '000100'"))
                .containsEntry("unit_code", "DEX-GAB").containsEntry("phone", "+21698765432");
        assertThat(jdbc.queryForList("""
                select b.status, b.cover_end from beneficiary b join member m on m.id = b.member_id
                where m.matricule = '000200'""")).hasSize(5)
                .allSatisfy(b -> assertThat(b).containsEntry("status", "ENDED")
                        .containsEntry("cover_end", java.sql.Date.valueOf("2026-11-15")));
        assertThat(jdbc.queryForMap("select m.status, m.leave_date from member m where matricule = '000200'"))
                .containsEntry("status", "LEFT");
        assertThat(count("select count(*) from member_card c join member m on m.id = c.member_id "
                + "where m.matricule = '000200' and c.status in ('TO_ISSUE', 'ISSUED')")).isZero();
        assertThat(jdbc.queryForMap("""
                select b.status, b.cover_end from beneficiary b join member m on m.id = b.member_id
                where m.matricule = '000230' and b.rank = 1""")).containsEntry("status", "ENDED")
                .containsEntry("cover_end", java.sql.Date.valueOf("2026-11-15"));
        assertThat(jdbc.queryForMap("""
                select b.cover_start, b.status from beneficiary b join member m on m.id = b.member_id
                where m.matricule = '000091' and b.rank = 11""")).containsEntry("status", "ACTIVE")
                .containsEntry("cover_start", java.sql.Date.valueOf("2026-11-04"));
    }

    private int movements(Map<String, Object> exchange, String type) {
        return count("select count(*) from membership_movement where exchange_id = ? and movement_type = ?",
                exchange.get("id"), type);
    }

    static Properties expectedSnapshot() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("inbox-samples/hr/expected-snapshot.properties"))) {
            p.load(in);
        }
        return p;
    }

    private static int intOf(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key));
    }
}
