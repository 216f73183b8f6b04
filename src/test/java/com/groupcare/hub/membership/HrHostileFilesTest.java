package com.groupcare.hub.membership;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

import com.groupcare.hub.support.HeapWatch;
import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Files an HR system or an attacker could send: each is refused or rejected with its reason, and no member suffers. */
class HrHostileFilesTest extends HubIntegrationTest {

    static final String FIRST = "RH_COMPLET_20261101.csv";
    static final String HEADER = "matricule;rang;lien;nom;prenom;date_naissance;sexe;cin;date_embauche;date_sortie;"
            + "code_unite;rib;telephone;email;etudiant;handicape;date_effet;action\n";
    static final String NEW_FAMILY = "700001;00;A;NOUVEAU;Karim;10/05/1985;M;12345678;01/01/2020;;DEX-SFN;;;;;;;A\n";

    static final String THREE_FAMILIES = """
            select m.matricule, m.status, m.last_name, m.updated_at, b.rank, b.status as b_status, b.cover_end
            from member m join beneficiary b on b.member_id = m.id
            where m.matricule in ('000010', '000020', '000030') order by m.matricule, b.rank""";
    static final String FAMILY_700001 = """
            select m.status, b.rank, b.status as b_status, b.cover_end, b.updated_at
            from member m join beneficiary b on b.member_id = m.id where m.matricule = '700001' order by b.rank""";

    @Test
    void memberLinesThatCannotBeReadAreRejectedAndTheirMembersNeitherLeaveNorChange() throws Exception {
        dropHrFile(FIRST, sample("hr/" + FIRST));
        awaitExchange(FIRST);
        var membersBefore = jdbc.queryForList(THREE_FAMILIES);
        String withNul = new String(fixture("RH_COMPLET_20261102-nul.csv"), StandardCharsets.UTF_8);
        String hostile = withNul.lines().map(line -> {
            if (line.startsWith("000020;00;")) {
                return line.substring(0, line.lastIndexOf(';'));                       // one column short
            }
            if (line.startsWith("000030;00;")) {
                String[] f = line.split(";", -1);
                f[3] = "X".repeat(150);                                                  // nom over 100 characters
                return String.join(";", f);
            }
            return line;
        }).reduce("", (a, l) -> a + l + "\n");
        dropHrFile("RH_COMPLET_20261102.csv", hostile.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> exchange = awaitExchange("RH_COMPLET_20261102.csv");

        assertThat(jdbc.queryForList("select code from exchange_error where exchange_id = ? and code in "
                + "('CONTROL_CHARACTER', 'WRONG_COLUMN_COUNT', 'FIELD_TOO_LONG') order by line_no", String.class, exchange.get("id")))
                .as("000010, 000020, 000030, then the sample's own line 564")
                .containsExactly("CONTROL_CHARACTER", "WRONG_COLUMN_COUNT", "FIELD_TOO_LONG", "WRONG_COLUMN_COUNT");
        assertThat(jdbc.queryForList("select status from member where matricule in ('000010', '000020', '000030')", String.class))
                .containsOnly("ACTIVE").hasSize(3);
        assertThat(jdbc.queryForList(THREE_FAMILIES)).as("members and dependants unchanged").isEqualTo(membersBefore);
    }

    @Test
    void namesHoldingATabACarriageReturnOrAnotherControlCharacterAreRejectedWithTheColumnAndTheOthersApply() {
        String tab = NEW_FAMILY.replace("700001", "700010").replace("NOUVEAU", "BEN\tALI");
        String quotedCr = NEW_FAMILY.replace("700001", "700011").replace(";Karim;", ";\"Ka\rrim\";");
        String c1 = NEW_FAMILY.replace("700001", "700012").replace("NOUVEAU", "NOU\u0085VEAU");
        String file = HEADER + tab + quotedCr + c1 + NEW_FAMILY;
        dropHrFile("RH_DELTA_20261120.csv", file.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261120.csv");

        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("accepted_count", 1)
                .containsEntry("rejected_count", 3);
        assertThat(jdbc.queryForList("select line_no, code, message from exchange_error where exchange_id = ? order by line_no",
                exchange.get("id"))).extracting(e -> e.get("line_no") + " " + e.get("code") + ": " + e.get("message")).containsExactly(
                "2 CONTROL_CHARACTER: nom holds a control character (TAB, CR, line feed, NUL or other)",
                "3 CONTROL_CHARACTER: prenom holds a control character (TAB, CR, line feed, NUL or other)",
                "4 CONTROL_CHARACTER: nom holds a control character (TAB, CR, line feed, NUL or other)");
        assertThat(jdbc.queryForList("select matricule from member", String.class)).containsExactly("700001");
    }

    @Test
    void aWithdrawalOfAnUnknownMatriculeIsRejectedAndCreatesNobody() throws Exception {
        dropHrFile("RH_DELTA_20261125.csv", fixture("RH_DELTA_20261125.csv"));
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261125.csv");
        assertThat(exchange).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("rejected_count", 1);
        assertThat(jdbc.queryForMap("select line_no, code from exchange_error where exchange_id = ?", exchange.get("id")))
                .containsEntry("line_no", 2).containsEntry("code", "UNKNOWN_MEMBER");
        assertThat(count("select count(*) from member")).isZero();
    }

    @Test
    void aFileDatedBeforeTheLastAppliedOneIsRefusedWithTheReason() {
        dropHrFile("RH_DELTA_20261120.csv", (HEADER + NEW_FAMILY).getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261120.csv")).containsEntry("status", "DONE");
        String older = HEADER + NEW_FAMILY.replace("NOUVEAU", "ANCIEN").replace(";A\n", ";M\n");
        dropHrFile("RH_DELTA_20261110.csv", older.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> refused = awaitExchange("RH_DELTA_20261110.csv");
        assertThat(refused).containsEntry("status", "FAILED");
        assertThat((String) refused.get("failure_reason")).contains("dated 2026-11-10, before RH_DELTA_20261120.csv");
        assertThat(jdbc.queryForObject("select last_name from member where matricule = '700001'", String.class)).isEqualTo("NOUVEAU");
        awaitFile(sftpServer.inbox("hr").resolve(".failed/RH_DELTA_20261110.csv"));
    }

    @Test
    void aFileDatedFarAheadIsRefusedWholeEndsNoCoverAndTheNextRealFileStillApplies() {
        String child = String.join(";", "700001", "10", "E", "NOUVEAU", "Yasmine", "10/05/2010", "F", "", "", "", "", "", "",
                "", "N", "N", "", "A") + "\n";
        dropHrFile("RH_DELTA_20261120.csv", (HEADER + NEW_FAMILY + child).getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261120.csv")).containsEntry("status", "DONE");
        var familyBefore = jdbc.queryForList(FAMILY_700001);
        assertThat(familyBefore).extracting(r -> r.get("b_status")).containsExactly("ACTIVE", "ACTIVE");

        // the child turns 21 in 2031: run at 2099, the calendar sweep would end her cover
        dropHrFile("RH_DELTA_20991231.csv", HEADER.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> refused = awaitExchange("RH_DELTA_20991231.csv");
        assertThat(refused).containsEntry("status", "FAILED");
        assertThat((String) refused.get("failure_reason")).contains("dated 2099-12-31", "hub.hr.max-days-ahead");
        assertThat(jdbc.queryForList(FAMILY_700001)).as("no cover changed").isEqualTo(familyBefore);
        assertThat(count("select count(*) from membership_movement where exchange_id = ?", refused.get("id"))).isZero();
        awaitFile(sftpServer.inbox("hr").resolve(".failed/RH_DELTA_20991231.csv"));

        String next = HEADER + NEW_FAMILY.replace("NOUVEAU", "RENOMME").replace(";A\n", ";M\n");
        dropHrFile("RH_DELTA_20261121.csv", next.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange("RH_DELTA_20261121.csv")).as("not refused as older than the 2099 file").containsEntry("status", "DONE");
        assertThat(jdbc.queryForObject("select last_name from member where matricule = '700001'", String.class)).isEqualTo("RENOMME");
    }

    @Test
    void aFileDatedTomorrowEndsNoCoverBeforeTomorrow() {
        LocalDate today = LocalDate.now();
        DateTimeFormatter name = DateTimeFormatter.ofPattern("yyyyMMdd");
        DateTimeFormatter field = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String leavesToday = String.join(";", "700002", "00", "A", "SORTANT", "Ali", "10/05/1985", "M", "12345679", "01/01/2020",
                today.format(field), "DEX-SFN", "", "", "", "", "", "", "A") + "\n";
        String parent = NEW_FAMILY.replace("700001", "700003");
        String lastDayAt20 = String.join(";", "700003", "10", "E", "NOUVEAU", "Sami", today.plusDays(1).minusYears(21).format(field),
                "M", "", "", "", "", "", "", "", "N", "N", "", "A") + "\n";
        String first = "RH_DELTA_" + today.format(name) + ".csv";
        dropHrFile(first, (HEADER + leavesToday + parent + lastDayAt20).getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange(first)).containsEntry("status", "DONE");

        String tomorrow = "RH_DELTA_" + today.plusDays(1).format(name) + ".csv";
        dropHrFile(tomorrow, HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(awaitExchange(tomorrow)).as("within hub.hr.max-days-ahead").containsEntry("status", "DONE");
        assertThat(jdbc.queryForObject("select status from member where matricule = '700002'", String.class))
                .as("covered until the end of the leave date").isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject("""
                select b.status from beneficiary b join member m on m.id = b.member_id
                where m.matricule = '700003' and b.rank = 10""", String.class)).as("covered on the day before 21").isEqualTo("ACTIVE");
    }

    @Test
    void aFileRefusedForItsNameAndDroppedAgainUnderTheRightNameIsANewValidExchange() {
        byte[] content = (HEADER + NEW_FAMILY).getBytes(StandardCharsets.UTF_8);
        dropHrFile("export-rh.csv", content);
        assertThat(awaitExchange("export-rh.csv")).containsEntry("status", "FAILED");
        dropHrFile("RH_DELTA_20261121.csv", content);
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261121.csv");
        assertThat(exchange).containsEntry("status", "DONE").containsEntry("accepted_count", 1);
        assertThat(count("select count(*) from member where matricule = '700001'")).isEqualTo(1);
    }

    @Test
    void anEmptyFileFailsWithItsReasonInsteadOfWaitingForever() {
        dropHrFile("RH_DELTA_20261122.csv", new byte[0]);
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261122.csv");
        assertThat(exchange).containsEntry("status", "FAILED").containsEntry("size_bytes", 0L);
        assertThat((String) exchange.get("failure_reason")).isEqualTo("the file is empty (0 bytes)");
    }

    @Test
    void aFileWhoseLastLineHasNoLineEndIsRefusedWholeAsCutShort() {
        String sample = new String(sample("hr/" + FIRST), StandardCharsets.UTF_8);
        dropHrFile(FIRST, sample.substring(0, sample.length() / 2).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> exchange = awaitExchange(FIRST);
        assertThat(exchange).containsEntry("status", "FAILED");
        assertThat((String) exchange.get("failure_reason")).contains("cut short");
        assertThat(count("select count(*) from member")).isZero();
    }

    @Test
    void aLineOverTheLimitIsRejectedAndTheOthersApply() {
        String longLine = "700002;00;A;" + "L".repeat(70_000) + ";Ali;10/05/1985;M;12345678;01/01/2020;;DEX-SFN;;;;;;;A\n";
        dropHrFile("RH_DELTA_20261123.csv", (HEADER + longLine + NEW_FAMILY).getBytes(StandardCharsets.UTF_8));
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261123.csv");
        assertThat(exchange).containsEntry("accepted_count", 1).containsEntry("rejected_count", 1);
        assertThat(jdbc.queryForMap("select line_no, code from exchange_error where exchange_id = ?", exchange.get("id")))
                .containsEntry("line_no", 2).containsEntry("code", "LINE_TOO_LONG");
    }

    @Test
    void fiftyMegabytesWithoutANewlineFailTheFileAndLeaveTheHeapFlat() throws Exception {
        HeapWatch heap = new HeapWatch();
        System.gc();
        long before = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heap.start();
        dropOverSftp("hr/inbox", "RH_DELTA_20261124.csv", new RepeatedBytes((byte) 'A', 50L << 20));
        Map<String, Object> exchange = awaitExchange("RH_DELTA_20261124.csv");
        heap.stopWatching();
        assertThat(exchange).containsEntry("status", "FAILED").containsEntry("size_bytes", 50L << 20);
        assertThat((String) exchange.get("failure_reason")).contains("no line end");
        assertThat(heap.maxLiveAfterGc() - before).as("live heap growth").isLessThan(40L << 20);
    }

    private byte[] fixture(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/hostile/hr/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void awaitFile(java.nio.file.Path file) {
        for (int i = 0; i < 100 && !java.nio.file.Files.exists(file); i++) {
            sleep(100);
        }
        assertThat(file).exists();
    }

    /** A stream of the same byte, never held in memory. */
    private static final class RepeatedBytes extends InputStream {
        private final byte value;
        private long left;

        RepeatedBytes(byte value, long size) {
            this.value = value;
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? value : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, value);
            left -= n;
            return n;
        }
    }
}
