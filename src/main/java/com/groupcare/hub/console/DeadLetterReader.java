package com.groupcare.hub.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.groupcare.hub.common.SafeErrors;
import com.groupcare.hub.exchange.ChunkFailures;
import com.groupcare.hub.exchange.ChunkRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a message as Artemis' {@code browse} shows it into a {@link BrokerQueues.DeadLetter}. The
 * broker already cuts bodies to its management-message-attribute-size-limit (256 by default); the hub
 * only ever queues references (an exchange id, a chunk of a stored file), shortened again here.
 */
class DeadLetterReader {

    static final int REFERENCE_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChunkFailures failures;

    DeadLetterReader(ChunkFailures failures) {
        this.failures = failures;
    }

    BrokerQueues.DeadLetter read(CompositeData message) {
        String body = body(message);
        String original = stringProperty(message, "_AMQ_ORIG_QUEUE");
        if (original == null) {
            original = stringProperty(message, "_AMQ_ORIG_ADDRESS");
        }
        long timestamp = message.get("timestamp") instanceof Long t ? t : 0;
        Optional<ChunkFailures.Failure> failure = chunk(body).flatMap(this::failureOf);
        return new BrokerQueues.DeadLetter(Long.parseLong(String.valueOf(message.get("messageID"))), original,
                timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null,
                failure.map(ChunkFailures.Failure::attempts).orElse(0),
                body == null ? null : shorten(body), failure.map(ChunkFailures.Failure::lastError).orElse(null));
    }

    /** The chunk a body refers to, in the JSON form the file pipeline queues it in; empty for anything else. */
    static Optional<ChunkRef> chunk(String body) {
        if (body == null || !body.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(body, ChunkRef.class));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** Printable and short: whatever a message holds, nothing long or control characters reach a page or a log. */
    static String shorten(String body) {
        String printable = body.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() <= REFERENCE_LENGTH ? printable : printable.substring(0, REFERENCE_LENGTH - 1) + "…";
    }

    private Optional<ChunkFailures.Failure> failureOf(ChunkRef chunk) {
        try {
            return failures.find(chunk);
        } catch (RuntimeException e) {
            // the broker's side still shows without the database
            log.warn("Last error of chunk {} of exchange {} not read: {}", chunk.chunkNo(), chunk.exchangeId(), SafeErrors.describe(e));
            return Optional.empty();
        }
    }

    private static String body(CompositeData message) {
        if (message.containsKey("text") && message.get("text") != null) {
            return (String) message.get("text");
        }
        if (message.containsKey("BodyPreview") && message.get("BodyPreview") instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return null;
    }

    private static String stringProperty(CompositeData message, String name) {
        if (!message.containsKey("StringProperties") || !(message.get("StringProperties") instanceof TabularData properties)) {
            return null;
        }
        CompositeData row = properties.get(new Object[] {name});
        return row == null ? null : String.valueOf(row.get("value"));
    }
}
