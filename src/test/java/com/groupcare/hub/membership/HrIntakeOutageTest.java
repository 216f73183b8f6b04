package com.groupcare.hub.membership;

import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.groupcare.hub.support.HubIntegrationTest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A file dropped while the broker cannot take it stays in the partner's inbox and is applied once the broker is back. */
class HrIntakeOutageTest extends HubIntegrationTest {

    @Autowired
    CamelContext camel;

    @Test
    void aFileDroppedWhileTheBrokerIsDownIsAppliedOnceItIsBackWithoutAPerson() throws Exception {
        AtomicInteger brokerDownFor = new AtomicInteger(3);
        AdviceWith.adviceWith(camel, "hr-sync-receive", route -> route.weaveByToUri("jms:*").before().process(e -> {
            if (brokerDownFor.getAndDecrement() > 0) {
                throw new jakarta.jms.JMSException("simulated broker outage");
            }
        }));
        // the drop zone is shared by the tests: an earlier test may have left its own refused copy
        Files.deleteIfExists(sftpServer.inbox("hr").resolve(".failed/RH_COMPLET_20261101.csv"));
        dropHrFile("RH_COMPLET_20261101.csv", sample("hr/RH_COMPLET_20261101.csv"));
        Map<String, Object> done = awaitExchange("RH_COMPLET_20261101.csv");

        assertThat(brokerDownFor.get()).isNegative();
        assertThat(done).containsEntry("status", "DONE_WITH_ERRORS").containsEntry("total_count", 964);
        assertThat(count("select count(*) from exchange")).isEqualTo(1);
        assertThat(count("select count(*) from member")).isEqualTo(300);
        assertThat(Files.exists(sftpServer.inbox("hr").resolve(".failed/RH_COMPLET_20261101.csv"))).isFalse();
    }
}
