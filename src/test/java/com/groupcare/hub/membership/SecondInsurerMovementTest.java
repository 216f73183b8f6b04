package com.groupcare.hub.membership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second insurer with another movement layout, onboarded by its mapping alone
 * (mappings/insurers/POL-ATL-2026.yaml): only the members of the units it covers, its own codes,
 * separator and dates, no header; each insurer's movements are sent to it independently.
 */
class SecondInsurerMovementTest extends HubIntegrationTest {

    @Test
    void theSecondInsurerGetsItsCoveredMembersInItsOwnLayout() throws Exception {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        int covered = count("""
                select count(*) from membership_movement mv join member m on m.id = mv.member_id
                where m.unit_code = 'DTM' or m.unit_code in (select code from org_unit where parent_code = 'DTM')""");
        assertThat(covered).isPositive().isLessThan(count("select count(*) from membership_movement"));

        Map<String, Object> batch = as("operator").postForObject("/api/movements/send?policyNumber=POL-ATL-2026", null, Map.class);
        assertThat(batch).containsEntry("file_name", "ATL_ADHESIONS_00001.txt").containsEntry("movement_count", covered);
        Path file = sftpServer.root().resolve("insurers/outbox/ATL_ADHESIONS_00001.txt");
        for (int i = 0; i < 100 && count("select count(*) from movement_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(covered + 1).last().isEqualTo("TOT|" + covered + "|" + covered + "|0|0");
        String first = lines.get(0);
        Map<String, Object> member = jdbc.queryForMap("""
                select m.matricule, b.rank, b.last_name, b.first_name, to_char(b.birth_date, 'YYYYMMDD') as born
                from movement_dispatch d join membership_movement mv on mv.id = d.movement_id join member m on m.id = mv.member_id
                join beneficiary b on b.id = mv.beneficiary_id where d.id = ?""", Long.parseLong(first.substring(first.lastIndexOf('|') + 1)));
        assertThat(first).startsWith(member.get("matricule") + "|" + String.format("%02d", member.get("rank")) + "|01|")
                .contains("|" + member.get("last_name") + "|" + member.get("first_name") + "|" + member.get("born") + "|");
        assertThat(lines.subList(0, covered)).allSatisfy(line -> assertThat(line.split("\\|", -1)).hasSize(10));

        // the other insurer's movements are its own business: all still to send to POL-TRS-2026
        assertThat(as("operator").postForObject("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class))
                .containsEntry("movement_count", count("select count(*) from membership_movement"));
    }
}
