package com.groupcare.hub.exchange;

import java.util.Optional;

import com.groupcare.hub.common.SafeErrors;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Error policy of chunk consumers: before the broker redelivers, the chunk's error is kept (in its own
 * transaction, the chunk's own having rolled back), so a dead-lettered chunk can say why it failed
 * and whether the cause was an outage the hub may retry by itself.
 */
@Component("chunkFailures")
public class ChunkFailures implements Processor {

    private static final Logger log = LoggerFactory.getLogger(ChunkFailures.class);

    private final JdbcTemplate jdbc;

    public ChunkFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A chunk's failed deliveries so far, whether the last was an outage, and its error (no personal data). */
    public record Failure(int attempts, boolean transientCause, String lastError) {
    }

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Object body = exchange.getMessage().getBody();
        String error = cause == null ? "unknown error" : SafeErrors.describe(cause);
        log.warn("Chunk rolled back (delivery {}): {}", exchange.getMessage().getHeader("JMSXDeliveryCount"), error);
        if (body instanceof ChunkRef chunk) {
            try {
                record(chunk, error, cause != null && SafeErrors.isTransient(cause));
            } catch (RuntimeException e) {
                log.warn("Cannot record the failure of {} of exchange {}: {}", chunk.describe(), chunk.exchangeId(),
                        SafeErrors.describe(e));
            }
        }
    }

    /** One statement in auto-commit: the chunk's transaction has already rolled back. */
    void record(ChunkRef chunk, String error, boolean transientCause) {
        jdbc.update("""
                insert into exchange_chunk_failure (exchange_id, chunk_no, first_line, last_line, transient, last_error)
                values (?, ?, ?, ?, ?, left(?, 1000))
                on conflict (exchange_id, chunk_no) do update set attempts = exchange_chunk_failure.attempts + 1,
                    transient = excluded.transient, last_error = excluded.last_error, failed_at = now()""",
                chunk.exchangeId(), chunk.chunkNo(), chunk.firstLine(), chunk.lastLine(), transientCause, error);
    }

    /** Also what the integrators' console shows beside a dead-lettered chunk. */
    public Optional<Failure> find(ChunkRef chunk) {
        return jdbc.query("select attempts, transient, last_error from exchange_chunk_failure where exchange_id = ? and chunk_no = ?",
                (rs, i) -> new Failure(rs.getInt(1), rs.getBoolean(2), rs.getString(3)),
                chunk.exchangeId(), chunk.chunkNo()).stream().findFirst();
    }
}
