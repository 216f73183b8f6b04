package com.groupcare.hub.console;

import java.util.List;

import com.groupcare.hub.support.HubIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's counts per flow from the exchanges table: today, this week, lines, last file, outbound flows, the desk's view. */
class FlowOverviewTest extends HubIntegrationTest {

    @Autowired
    FlowOverview overview;

    private void file(String flow, String direction, String name, String status, String receivedAgo, int accepted, int rejected) {
        jdbc.update("""
                insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status, received_at, completed_at,
                                      total_count, accepted_count, rejected_count)
                values ('hr', ?, ?, ?, md5(?) || md5(?), 10, ?, now() - ?::interval, now() - ?::interval + interval '10 seconds', ?, ?, ?)""",
                flow, direction, name, name, status, status, receivedAgo, receivedAgo, accepted + rejected, accepted, rejected);
    }

    @Test
    void countsTodayAndThisWeekByStatusWithTheLastFileAndItsThroughput() {
        file("hr-sync", "IN", "RH_OLD.csv", "DONE", "8 days", 1000, 0);
        file("hr-sync", "IN", "RH_FAILED.csv", "FAILED", "2 seconds", 0, 0);
        file("hr-sync", "IN", "RH_DELTA.csv", "DONE_WITH_ERRORS", "1 second", 90, 10);
        file("payments", "OUT", "PAY_1.xml", "DONE", "0 seconds", 3, 0);

        List<FlowOverview.Row> rows = overview.rows(null);
        FlowOverview.Row hr = rows.stream().filter(r -> r.flow().equals("hr-sync")).findFirst().orElseThrow();
        assertThat(hr.today()).isEqualTo(new FlowOverview.Counts(0, 0, 1, 0, 1, 0));
        assertThat(hr.week()).as("the file of 8 days ago is last week's").isEqualTo(new FlowOverview.Counts(0, 0, 1, 0, 1, 0));
        assertThat(hr.linesAccepted()).isEqualTo(90);
        assertThat(hr.linesRejected()).isEqualTo(10);
        assertThat(hr.lastFile()).isEqualTo("RH_DELTA.csv");
        assertThat(hr.linesPerSecond()).as("100 lines from arrival to completion in 10 s").isEqualTo(10.0);
        assertThat(rows).extracting(FlowOverview.Row::flow).contains("claims-import", "provider-invoices", "payments");
        assertThat(rows.stream().filter(r -> r.flow().equals("payments")).findFirst().orElseThrow())
                .satisfies(r -> assertThat(r.direction()).isEqualTo("OUT")).satisfies(r -> assertThat(r.linesPerSecond()).isNull());

        assertThat(overview.rows(List.of("hr-sync", "claims-import"))).extracting(FlowOverview.Row::flow)
                .as("the desk's view").containsExactly("claims-import", "hr-sync");
    }
}
