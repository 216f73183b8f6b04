package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The insurer's acknowledgement must start with its header: a file sent without it is refused whole,
 * not read with its first answer taken for the header; a header in other case, spaced or with a BOM is one.
 */
class MovementAckFileTest extends HubIntegrationTest {

    private List<Long> movementsSent() {
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        awaitExchange("RH_COMPLET_20261101.csv");
        as("operator").postForEntity("/api/movements/send?policyNumber=POL-TRS-2026", null, Map.class);
        for (int i = 0; i < 100 && count("select count(*) from movement_batch where status = 'SENT'") == 0; i++) {
            sleep(100);
        }
        return jdbc.queryForList("select id from movement_dispatch where policy_number = 'POL-TRS-2026' and status = 'SENT' "
                + "order by id limit 2", Long.class);
    }

    private Map<String, Object> dropAck(String fileName, String content) {
        dropOverSftp("insurers/inbox", fileName, content.getBytes(StandardCharsets.UTF_8));
        return awaitExchange(fileName);
    }

    private String statusOf(long reference) {
        return jdbc.queryForObject("select status from movement_dispatch where id = ?", String.class, reference);
    }

    @Test
    void anAcknowledgementWithoutItsHeaderIsRefusedWholeAndChangesNothing() {
        List<Long> sent = movementsSent();
        assertThat(sent).hasSize(2);

        Map<String, Object> ack = dropAck("ACK_MVT_POL-TRS-2026_20261120.csv", sent.get(0) + ";OK;\n" + sent.get(1) + ";KO;M04\n");

        assertThat(ack).containsEntry("flow", "movement-ack").containsEntry("status", "FAILED");
        assertThat((String) ack.get("failure_reason")).contains("not the header").contains("reference;statut;code")
                .contains("nothing was applied");
        assertThat(statusOf(sent.get(0))).isEqualTo("SENT");
        assertThat(statusOf(sent.get(1))).isEqualTo("SENT");
    }

    @Test
    void aHeaderInAnotherCaseWithSpacesAndAByteOrderMarkIsTheHeader() {
        List<Long> sent = movementsSent();

        Map<String, Object> ack = dropAck("ACK_MVT_POL-TRS-2026_20261121.csv",
                "\uFEFFReference ; STATUT ; Code\r\n" + sent.get(0) + ";OK;\r\n" + sent.get(1) + ";KO;M04\r\n");

        assertThat(ack).containsEntry("status", "DONE").containsEntry("total_count", 2);
        assertThat(statusOf(sent.get(0))).isEqualTo("ACCEPTED");
        assertThat(statusOf(sent.get(1))).isEqualTo("REJECTED");
    }
}
