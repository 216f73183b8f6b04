package com.groupcare.hub.console;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.groupcare.hub.support.HubIntegrationTest;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The console's view of the real embedded broker. Dead letters are made as in production: a consumer
 * that keeps rolling back until the broker gives up (3 deliveries in the test profile). The test queue
 * {@code console.test} has no consumer in the hub, and its {@code DLQ.console.test} is the one the
 * broker creates by itself (the "#" address setting), which no route consumes; both are removed after
 * each test since every test shares this broker.
 */
class BrokerQueuesTest extends HubIntegrationTest {

    static final String QUEUE = "console.test";
    static final String DLQ = "DLQ.console.test";

    @Autowired
    BrokerQueues console;
    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    JmsTemplate jms;

    /** Set-up and checks talk to the broker directly, not through the class under test. */
    BrokerManagement broker;

    @BeforeEach
    void createTheTestQueue() {
        broker = new BrokerManagement(connectionFactory, "activemq.management", Duration.ofSeconds(5));
        String queue = QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST).setDurable(true).setAutoDelete(false).toJSON();
        broker.converse(calls -> calls.invoke("broker", "createQueue", queue, true));
    }

    @AfterEach
    void removeTheTestQueues() {
        destroy(DLQ, false);
        destroy(QUEUE, true);
        broker.close();
    }

    @Test
    void listsTheHubQueuesEachWithItsDeadLetterQueue() {
        List<BrokerQueues.QueueView> queues = console.queues();

        assertThat(queues).extracting(BrokerQueues.QueueView::name)
                .contains("hr.files", "hr.records", "claims.records", "remittance.payables", QUEUE)
                .isSorted()
                .noneMatch(name -> name.startsWith("DLQ") || name.startsWith("activemq.") || name.startsWith("$sys")
                        || name.equals("ExpiryQueue"))
                .allMatch(name -> !name.matches("[0-9a-f]{8}-[0-9a-f]{4}-.*"));   // no temporary reply queues
        BrokerQueues.QueueView records = view(queues, "hr.records");
        assertThat(records.deadLetterQueue()).isEqualTo("DLQ.hr.records");
        assertThat(records.consumers()).as("the hub's 2 chunk consumers").isEqualTo(2);
        // the broker creates DLQ.hr.files only when a first message dies there
        BrokerQueues.QueueView files = view(queues, "hr.files");
        assertThat(files.deadLetterQueue()).isEqualTo("DLQ.hr.files");
        assertThat(files.deadLetterDepth()).isZero();
        assertThat(files.oldestDeadLetterAgeSeconds()).isNull();
    }

    @Test
    void aQueueNobodyConsumesShowsItsDepthAndTheAgeOfItsOldestMessage() {
        BrokerQueues.QueueView empty = view(console.queues(), QUEUE);
        assertThat(empty.depth()).isZero();
        assertThat(empty.oldestAgeSeconds()).isNull();

        jms.convertAndSend(QUEUE, "41");
        sleep(1100);

        BrokerQueues.QueueView waiting = view(console.queues(), QUEUE);
        assertThat(waiting.depth()).isEqualTo(1);
        assertThat(waiting.consumers()).isZero();
        assertThat(waiting.oldestAgeSeconds()).isBetween(1L, 30L);
        assertThat(waiting.deadLetterDepth()).isZero();
    }

    @Test
    void deadLettersShowTheirReferenceAndAChunksLastErrorThenGoBackOrAway() throws Exception {
        long exchangeId = failedChunk(3, "IllegalStateException: simulated bug in chunk 3", 3);
        String chunk = "{\"exchangeId\":" + exchangeId + ",\"chunkNo\":3,\"firstLine\":302,\"lastLine\":401,\"startByte\":1000,\"endByte\":2000}";
        Instant before = Instant.now().minusSeconds(1);
        jms.convertAndSend(QUEUE, chunk.getBytes(StandardCharsets.UTF_8));   // as the file pipeline sends chunks
        rollBackUntilDead(1);
        jms.convertAndSend(QUEUE, "42");                                     // an exchange id, as on the files queues
        rollBackUntilDead(2);
        jms.convertAndSend(QUEUE, "x".repeat(150) + "\n" + "y".repeat(150));
        rollBackUntilDead(3);
        assertThat(depth(QUEUE)).isZero();

        BrokerQueues.QueueView view = view(console.queues(), QUEUE);
        assertThat(view.deadLetterDepth()).isEqualTo(3);
        assertThat(view.oldestDeadLetterAgeSeconds()).isNotNull().isLessThan(60L);

        List<BrokerQueues.DeadLetter> dead = console.deadLetters(DLQ, 10);
        assertThat(dead).hasSize(3).allSatisfy(letter -> {
            assertThat(letter.originalQueue()).isEqualTo(QUEUE);
            assertThat(letter.deadAt()).isBetween(before, Instant.now());
        });
        assertThat(dead.get(0).reference()).isEqualTo(chunk);
        assertThat(dead.get(0).error()).isEqualTo("IllegalStateException: simulated bug in chunk 3");
        assertThat(dead.get(0).deliveryCount()).isEqualTo(3);
        assertThat(dead.get(1).reference()).isEqualTo("42");
        assertThat(dead.get(1).error()).isNull();
        assertThat(dead.get(2).reference()).hasSize(DeadLetterReader.REFERENCE_LENGTH).doesNotContain("\n").endsWith("…");
        assertThat(dead.get(2).deadAt()).isCloseTo(Instant.now(), within(30, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(console.deadLetters(DLQ, 1)).extracting(BrokerQueues.DeadLetter::messageId).containsExactly(dead.get(0).messageId());

        assertThat(console.retry(DLQ, dead.get(1).messageId())).isTrue();
        assertThat(depth(QUEUE)).isEqualTo(1);
        assertThat(depth(DLQ)).isEqualTo(2);
        assertThat(console.retry(DLQ, dead.get(1).messageId())).as("already gone").isFalse();
        assertThat(jms.receiveAndConvert(QUEUE)).isEqualTo("42");

        assertThat(console.discard(DLQ, dead.get(2).messageId())).isTrue();
        assertThat(console.discard(DLQ, dead.get(2).messageId())).isFalse();
        assertThat(depth(DLQ)).isEqualTo(1);
        assertThat(depth(QUEUE)).isZero();

        jms.convertAndSend(QUEUE, "43");
        rollBackUntilDead(2);
        assertThat(console.retryAll(DLQ)).isEqualTo(2);
        assertThat(depth(DLQ)).isZero();
        assertThat(depth(QUEUE)).isEqualTo(2);
        assertThat(console.deadLetters(DLQ, 10)).isEmpty();
    }

    @Test
    void onlyExistingDeadLetterQueuesAreTouched() {
        assertThatThrownBy(() -> console.retry("hr.records", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> console.retryAll("activemq.management")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> console.discard("DLQ.no.such.queue", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No dead-letter queue DLQ.no.such.queue");
        assertThatThrownBy(() -> console.deadLetters("DLQ.hr.files\nforged log line", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("forged");
        assertThatThrownBy(() -> console.deadLetters(null, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> console.deadLetters(DLQ, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** An exchange whose chunk failed as ChunkFailures records it. */
    private long failedChunk(int chunkNo, String error, int attempts) {
        long id = jdbc.queryForObject("insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status) "
                + "values ('hr', 'hr-sync', 'IN', 'RH_DELTA_20261101.csv', md5(random()::text) || md5(random()::text), 10, 'PROCESSING') "
                + "returning id", Long.class);
        jdbc.update("insert into exchange_chunk_failure (exchange_id, chunk_no, first_line, last_line, attempts, transient, last_error) "
                + "values (?, ?, 302, 401, ?, false, ?)", id, chunkNo, attempts, error);
        return id;
    }

    /** Takes messages off the test queue and rolls back, until the broker has given up on enough of them. */
    private void rollBackUntilDead(int deadLetters) throws JMSException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = connectionFactory.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                 MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE))) {
                while (depth(DLQ) < deadLetters) {
                    if (consumer.receive(100) != null) {
                        session.rollback();
                    }
                    assertThat(System.nanoTime()).as("dead letters on " + DLQ).isLessThan(deadline);
                }
            }
        }
    }

    private long depth(String queue) {
        try {
            return ((Number) broker.converse(calls -> calls.attribute("queue." + queue, "MessageCount"))).longValue();
        } catch (BrokerManagement.ManagementRefused noSuchQueue) {
            return 0;
        }
    }

    private void destroy(String queue, boolean deleteAddress) {
        try {
            broker.converse(calls -> calls.invoke("broker", "destroyQueue", queue, true, deleteAddress));
        } catch (BrokerManagement.ManagementRefused noSuchQueue) {
            // never created: nothing died in this test
        }
    }

    private static BrokerQueues.QueueView view(List<BrokerQueues.QueueView> queues, String name) {
        return queues.stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + queues));
    }
}
