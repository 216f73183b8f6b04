package com.groupcare.hub.console;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A broker that is down, or accepts connections and never answers (the Artemis client itself would
 * wait its 30 s call timeout), gives the console a clear error within the timeout, not a hung page.
 */
class BrokerManagementTimeoutTest {

    @Test
    void aBrokerThatNeverAnswersIsReportedWithinTheTimeout() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0);
             BrokerManagement broker = management(silent.getLocalPort(), Duration.ofMillis(500))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            long start = System.nanoTime();
            assertThatThrownBy(() -> broker.converse(calls -> calls.attribute("broker", "Version")))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessage("Artemis did not answer within 500 ms (management address activemq.management): is the broker running?");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aBrokerThatIsDownIsReportedAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        try (BrokerManagement broker = management(closedPort, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> broker.converse(calls -> calls.attribute("broker", "Version")))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageStartingWith("Cannot ask Artemis (management address activemq.management): ");
        }
    }

    private static BrokerManagement management(int port, Duration timeout) {
        return new BrokerManagement(new ActiveMQConnectionFactory("tcp://127.0.0.1:" + port), "activemq.management", timeout);
    }
}
