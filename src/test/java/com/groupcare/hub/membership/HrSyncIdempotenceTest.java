package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The same file twice changes nothing; one changed line changes one member; a redelivery doubles nothing. */
class HrSyncIdempotenceTest extends HubIntegrationTest {

    static final String SNAPSHOT = "RH_COMPLET_20261101.csv";

    @Autowired
    CamelContext camel;

    @Test
    void theSameFileTwiceChangesNothingAndIsMarkedDuplicate() {
        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> first = awaitExchange(SNAPSHOT);
        List<Integer> before = tableCounts();

        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> second = awaitExchange(SNAPSHOT, 2);

        assertThat(second).containsEntry("status", "DUPLICATE").containsEntry("duplicate_of", first.get("id"))
                .containsEntry("sha256", first.get("sha256"));
        assertThat(tableCounts()).isEqualTo(before);
    }

    @Test
    void aChangedLineGivesOneUpdateOneMovementOneAuditEntry() {
        byte[] original = sample("hr/" + SNAPSHOT);
        dropHrFile(SNAPSHOT, original);
        awaitExchange(SNAPSHOT);
        String phoneBefore = jdbc.queryForObject("select phone from member where matricule = '000150'", String.class);
        List<Integer> before = tableCounts();

        String changed = changeMemberLine(new String(original, StandardCharsets.ISO_8859_1), "000150",
                12, "+21611111111");
        dropHrFile("RH_COMPLET_20261101.csv", changed.getBytes(StandardCharsets.ISO_8859_1));
        Map<String, Object> second = awaitExchange(SNAPSHOT, 2);

        assertThat(second).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("rejected_count", 13);
        long id = (Long) second.get("id");
        assertThat(jdbc.queryForList("select movement_type, detail from membership_movement where exchange_id = ?", id))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("movement_type", "MODIFICATION")
                        .containsEntry("detail", "phone changed"));
        assertThat(jdbc.queryForList("select entity_type, before_state->>'phone' as before, after_state->>'phone' as after "
                + "from audit_entry where actor = ?", "file:" + id)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("entity_type", "MEMBER")
                        .containsEntry("before", phoneBefore).containsEntry("after", "+21611111111"));
        assertThat(count("select count(*) from member where phone = '+21611111111' and matricule = '000150'")).isEqualTo(1);
        assertThat(count("select count(*) from member where updated_at > created_at")).isEqualTo(1);
        List<Integer> after = tableCounts();
        assertThat(after.subList(0, 3)).isEqualTo(before.subList(0, 3));
    }

    @Test
    void aMemberMissingFromTheNextSnapshotBecomesALeaverAtTheFileDate() {
        byte[] original = sample("hr/" + SNAPSHOT);
        dropHrFile(SNAPSHOT, original);
        awaitExchange(SNAPSHOT);
        int family = count("select count(*) from beneficiary b join member m on m.id = b.member_id "
                + "where m.matricule = '000010' and b.status = 'ACTIVE'");

        String without = String.join("\n", new String(original, StandardCharsets.ISO_8859_1).lines()
                .filter(l -> !l.startsWith("000010;")).toList()) + "\n";
        dropHrFile("RH_COMPLET_20261201.csv", without.getBytes(StandardCharsets.ISO_8859_1));
        Map<String, Object> next = awaitExchange("RH_COMPLET_20261201.csv");

        assertThat(jdbc.queryForMap("select status, leave_date from member where matricule = '000010'"))
                .containsEntry("status", "LEFT").containsEntry("leave_date", java.sql.Date.valueOf("2026-12-01"));
        assertThat(count("select count(*) from beneficiary b join member m on m.id = b.member_id "
                + "where m.matricule = '000010' and b.status = 'ACTIVE'")).isZero();
        assertThat(count("select count(*) from membership_movement mv join member m on m.id = mv.member_id "
                + "where m.matricule = '000010' and mv.movement_type = 'RETRAIT' and mv.exchange_id = ?", next.get("id")))
                .isEqualTo(family);
        assertThat(count("select count(*) from member_card c join member m on m.id = c.member_id "
                + "where m.matricule = '000010' and c.status in ('TO_ISSUE', 'ISSUED')")).isZero();
        assertThat(count("select count(*) from member where status = 'LEFT'")).isEqualTo(9);
    }

    @Test
    void aConsumerThatFailsAfterWritingIsRedeliveredWithoutDuplicateRows() throws Exception {
        AtomicBoolean failNext = new AtomicBoolean(true);
        AtomicInteger redelivered = new AtomicInteger();
        AdviceWith.adviceWith(camel, "hr-sync-apply", route -> route.weaveAddLast().process(e -> {
            if (Boolean.TRUE.equals(e.getMessage().getHeader("JMSRedelivered", Boolean.class))) {
                redelivered.incrementAndGet();
            }
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("simulated crash after the database commit");
            }
        }));

        dropHrFile(SNAPSHOT, sample("hr/" + SNAPSHOT));
        Map<String, Object> exchange = awaitExchange(SNAPSHOT);

        assertThat(failNext).isFalse();
        assertThat(redelivered).as("the failed chunk came back from the broker").hasValue(1);
        assertThat(exchange).containsEntry("total_count", 964).containsEntry("rejected_count", 13);
        assertThat(count("select count(*) from exchange_error")).isEqualTo(13);
        assertThat(count("select count(*) from member")).isEqualTo(300);
        assertThat(count("select count(*) from beneficiary")).isEqualTo(951);
        assertThat(count("select count(*) from membership_movement"))
                .isEqualTo(count("select count(*) from beneficiary where status = 'ACTIVE'"));
        assertThat(count("select count(*) from member_card")).isEqualTo(count("select count(*) from member where status = 'ACTIVE'"));
    }

    private List<Integer> tableCounts() {
        return List.of(count("select count(*) from member"), count("select count(*) from beneficiary"),
                count("select count(*) from member_card"), count("select count(*) from membership_movement"),
                count("select count(*) from audit_entry"));
    }

    /** The file with one field of one member line replaced (bytes kept as they are, bad encoding included). */
    static String changeMemberLine(String file, String matricule, int column, String value) {
        StringBuilder out = new StringBuilder();
        for (String line : file.split("\n", -1)) {
            if (line.startsWith(matricule + ";00;A;")) {
                String[] f = line.split(";", -1);
                f[column] = value;
                line = String.join(";", f);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
