package com.groupcare.hub.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.management.openmbean.CompositeData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.groupcare.hub.exchange.ChunkFailures;
import jakarta.annotation.PreDestroy;
import jakarta.jms.ConnectionFactory;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The broker side of the integrators' console: the hub's queues with their dead-letter queues, and
 * what can be done with a dead letter (send it back to its queue, or discard it). Everything goes
 * through Artemis' management address (see {@link BrokerManagement}), so it works the same on the
 * embedded broker and on a standalone one; a broker that does not answer within
 * {@code hub.console.broker-timeout} (5 s) gives a {@link BrokerUnavailableException}.
 */
@Component
public class BrokerQueues implements QueueDepths {

    /** A queue and its dead-letter queue {@code DLQ.<name>}; ages are of the oldest message, null when empty. */
    public record QueueView(String name, long depth, int consumers, Long oldestAgeSeconds,
                            String deadLetterQueue, long deadLetterDepth, Long oldestDeadLetterAgeSeconds) {
    }

    /**
     * A message the broker gave up on. {@code deadAt} is the message's own timestamp, which Artemis keeps
     * when it dead-letters (the broker records no arrival time on the DLQ): when it was queued, so before
     * its redeliveries (about 18 minutes at most with the production settings). {@code deliveryCount} is
     * the failed deliveries the hub recorded for a chunk of a file, 0 for anything else: Artemis does not
     * carry a message's delivery count over to its dead-letter queue. {@code error} is that chunk's last
     * error, null for anything else.
     */
    public record DeadLetter(long messageId, String originalQueue, Instant deadAt, int deliveryCount,
                             String reference, String error) {
    }

    static final String DEAD_LETTER_PREFIX = "DLQ.";
    /** A page of dead letters is read whole into memory: never more than this many. */
    static final int MAX_DEAD_LETTERS = 500;

    private static final Logger log = LoggerFactory.getLogger(BrokerQueues.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9._$-]{1,200}");
    /** Spring Boot's embedded broker creates these catch-alls; the hub's address settings never route to them. */
    private static final Set<String> BROKER_CATCH_ALLS = Set.of("DLQ", "ExpiryQueue");
    private static final int LIST_PAGE = 200;

    private final BrokerManagement broker;
    private final DeadLetterReader reader;

    public BrokerQueues(ConnectionFactory connectionFactory, ChunkFailures failures,
                        @Value("${hub.console.management-address:activemq.management}") String managementAddress,
                        @Value("${hub.console.broker-timeout:5s}") Duration timeout) {
        this.broker = new BrokerManagement(connectionFactory, managementAddress, timeout);
        this.reader = new DeadLetterReader(failures);
    }

    /** Every hub queue with its dead-letter queue (depth 0 while the broker has not created it), by name. */
    public List<QueueView> queues() {
        return broker.converse(calls -> {
            Map<String, QueueRow> all = listQueues(calls);
            List<QueueView> views = new ArrayList<>();
            for (QueueRow queue : all.values()) {
                if (isHubQueue(queue)) {
                    String deadLetterQueue = DEAD_LETTER_PREFIX + queue.name();
                    QueueRow dead = all.get(deadLetterQueue);
                    views.add(new QueueView(queue.name(), queue.depth(), queue.consumers(), oldestAge(calls, queue),
                            deadLetterQueue, dead == null ? 0 : dead.depth(), dead == null ? null : oldestAge(calls, dead)));
                }
            }
            return views;
        });
    }

    /** Every hub queue's depth and, when it has any, its dead-letter queue's: what the queue alert rules watch. */
    @Override
    public Map<String, Long> depths() {
        Map<String, Long> depths = new java.util.LinkedHashMap<>();
        for (QueueView queue : queues()) {
            depths.put(queue.name(), queue.depth());
            if (queue.deadLetterDepth() > 0) {
                depths.put(queue.deadLetterQueue(), queue.deadLetterDepth());
            }
        }
        return depths;
    }

    /**
     * The first {@code limit} (at most 500) dead letters of an existing {@code DLQ.} queue, in the order
     * they reached it: oldest first.
     */
    public List<DeadLetter> deadLetters(String deadLetterQueue, int limit) {
        checkName(deadLetterQueue);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Object page = broker.converse(calls -> {
            requireDeadLetterQueue(calls, deadLetterQueue);
            // pages count from 1; the broker cuts each body and property to its attribute size limit
            return calls.invoke(ResourceNames.QUEUE + deadLetterQueue, "browse", 1, Math.min(limit, MAX_DEAD_LETTERS));
        });
        // read after the conversation: the chunks' errors come from the database, not from the broker
        return messages(page).stream().map(reader::read).toList();
    }

    /** Sends one dead letter back to the queue it died on; false when it is no longer there. */
    public boolean retry(String deadLetterQueue, long messageId) {
        boolean retried = onDeadLetterQueue(deadLetterQueue, "retryMessage", messageId) instanceof Boolean b && b;
        log.info("Console: dead letter {} of {} {}", messageId, deadLetterQueue, retried ? "sent back to its queue" : "not found");
        return retried;
    }

    /** Sends every dead letter of the queue back to the queue each died on; how many went. */
    public int retryAll(String deadLetterQueue) {
        int retried = ((Number) onDeadLetterQueue(deadLetterQueue, "retryMessages")).intValue();
        log.info("Console: {} dead letters of {} sent back to their queues", retried, deadLetterQueue);
        return retried;
    }

    /** Removes one dead letter for good; false when it is no longer there. */
    public boolean discard(String deadLetterQueue, long messageId) {
        boolean removed = onDeadLetterQueue(deadLetterQueue, "removeMessage", messageId) instanceof Boolean b && b;
        log.info("Console: dead letter {} of {} {}", messageId, deadLetterQueue, removed ? "discarded" : "not found");
        return removed;
    }

    @PreDestroy
    void stop() {
        broker.close();
    }

    private Object onDeadLetterQueue(String deadLetterQueue, String operation, Object... parameters) {
        checkName(deadLetterQueue);
        return broker.converse(calls -> {
            requireDeadLetterQueue(calls, deadLetterQueue);
            return calls.invoke(ResourceNames.QUEUE + deadLetterQueue, operation, parameters);
        });
    }

    /** Checked before a name reaches the broker or a log line. */
    private static void checkName(String deadLetterQueue) {
        if (deadLetterQueue == null || !deadLetterQueue.startsWith(DEAD_LETTER_PREFIX) || !QUEUE_NAME.matcher(deadLetterQueue).matches()) {
            throw new IllegalArgumentException("Not the name of a dead-letter queue (DLQ.<queue>)");
        }
    }

    private static void requireDeadLetterQueue(BrokerManagement.Calls calls, String deadLetterQueue) throws Exception {
        Object names = calls.attribute(ResourceNames.BROKER, "QueueNames");
        if (!(names instanceof Object[] array) || !Arrays.asList(array).contains(deadLetterQueue)) {
            throw new IllegalArgumentException("No dead-letter queue " + deadLetterQueue + " on the broker");
        }
    }

    private record QueueRow(String name, long depth, int consumers, boolean temporary, boolean internal) {
    }

    /** Every queue of the broker by name, from ServerControl.listQueues (one call per page, not per queue). */
    private static Map<String, QueueRow> listQueues(BrokerManagement.Calls calls) throws Exception {
        Map<String, QueueRow> queues = new TreeMap<>();
        for (int page = 1; ; page++) {
            JsonNode answer = JSON.readTree((String) calls.invoke(ResourceNames.BROKER, "listQueues",
                    "{\"field\":\"\",\"operation\":\"\",\"value\":\"\"}", page, LIST_PAGE));
            for (JsonNode queue : answer.path("data")) {
                QueueRow row = new QueueRow(queue.path("name").asText(), queue.path("messageCount").asLong(),
                        queue.path("consumerCount").asInt(), queue.path("temporary").asBoolean(),
                        queue.path("internalQueue").asBoolean());
                queues.put(row.name(), row);
            }
            if (answer.path("data").size() < LIST_PAGE || page * LIST_PAGE >= answer.path("count").asLong()) {
                return queues;
            }
        }
    }

    private static boolean isHubQueue(QueueRow queue) {
        String name = queue.name();
        return !queue.temporary() && !queue.internal() && !name.startsWith(DEAD_LETTER_PREFIX)
                && !name.startsWith("activemq.") && !name.startsWith("$sys.") && !BROKER_CATCH_ALLS.contains(name);
    }

    private static Long oldestAge(BrokerManagement.Calls calls, QueueRow queue) throws Exception {
        if (queue.depth() == 0) {
            return null;
        }
        Object millis = calls.attribute(ResourceNames.QUEUE + queue.name(), "FirstMessageAge");
        return millis instanceof Number age ? Math.max(0, age.longValue()) / 1000 : null;
    }

    /** browse answers CompositeData[], which the management helper hands back under its class name. */
    private static List<CompositeData> messages(Object page) {
        Object data = page instanceof Map<?, ?> map ? map.get(CompositeData.class.getName()) : page;
        if (!(data instanceof Object[] array)) {
            return List.of();
        }
        return Arrays.stream(array).map(CompositeData.class::cast).toList();
    }
}
