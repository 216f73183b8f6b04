package com.groupcare.hub.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/**
 * Book-keeping of a file processed in chunks, always inside the caller's transaction: statuses,
 * a chunk applied once, counts that add up, the order of a flow's files.
 */
@Service
class ExchangeProgress {

    private static final String COLUMNS = """
            id, flow, file_name, file_kind, file_date, status, chunks_expected, chunks_done, total_count, replayable, submitted_by""";
    private static final RowMapper<ExchangeState> STATE = (rs, i) -> new ExchangeState(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class), ExchangeStatus.valueOf(rs.getString(6)),
            (Integer) rs.getObject(7), rs.getInt(8), rs.getInt(9), rs.getBoolean(10), rs.getString(11));
    /** Statuses of a file whose lines are (being) applied: an older file must not come after it. */
    private static final String APPLIED = "('PROCESSING', 'HELD', 'DONE', 'DONE_WITH_ERRORS', 'FAILED')";

    private final JdbcTemplate jdbc;

    ExchangeProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The exchange row, locked until the transaction ends: chunk consumers and the splitter take turns. */
    ExchangeState lock(long exchangeId) {
        return jdbc.queryForObject("select " + COLUMNS + " from exchange where id = ? for no key update", STATE, exchangeId);
    }

    Optional<ExchangeState> find(long exchangeId) {
        return jdbc.query("select " + COLUMNS + " from exchange where id = ? and direction = 'IN'", STATE, exchangeId)
                .stream().findFirst();
    }

    /** One flow's files take turns: serialises the decisions of who goes next. */
    void lockFlow(String flow) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext(?))", flow);
    }

    /** The file of an ordered flow that must apply first: nothing else being applied or held, earliest date first. */
    Optional<Long> nextInTurn(String flow) {
        Integer busy = jdbc.queryForObject("select count(*) from exchange where flow = ? and direction = 'IN' "
                + "and (status in ('HELD') or (status = 'PROCESSING'))", Integer.class, flow);
        if (busy > 0) {
            return Optional.empty();
        }
        return jdbc.queryForList("""
                select id from exchange where flow = ? and direction = 'IN' and status = 'RECEIVED'
                order by file_date nulls first, id limit 1""", Long.class, flow).stream().findFirst();
    }

    /** The latest-dated file of the flow whose lines were applied, if any (an older file must not follow it). */
    Optional<ExchangeState> lastApplied(String flow, long exceptId) {
        return jdbc.query("select " + COLUMNS + " from exchange where flow = ? and direction = 'IN' and replayable and id <> ?"
                + " and status in " + APPLIED + " order by file_date desc nulls last, id desc limit 1", STATE, flow, exceptId)
                .stream().findFirst();
    }

    /** A file of the flow applied after this one and dated later (replaying this one would go over newer data). */
    Optional<ExchangeState> appliedSince(ExchangeState exchange) {
        return jdbc.query("select " + COLUMNS + " from exchange where flow = ? and direction = 'IN' and id > ? "
                        + "and file_date >= ? and status in " + APPLIED + " order by id limit 1",
                STATE, exchange.flow(), exchange.id(), exchange.fileDate()).stream().findFirst();
    }

    int retries(long exchangeId) {
        return jdbc.queryForObject("select retries from exchange where id = ?", Integer.class, exchangeId);
    }

    /** Files the hub replays by itself now (their failure was an outage). */
    List<Long> dueForRetry() {
        return jdbc.queryForList("select id from exchange where status = 'FAILED' and retry_at <= now() order by id",
                Long.class);
    }

    /** Files of the flow received but not queued for their split lately (a crash or an outage came in between). */
    List<Long> receivedNotQueued(String flow, java.time.Duration since) {
        return jdbc.queryForList("""
                select id from exchange where flow = ? and direction = 'IN' and status = 'RECEIVED'
                   and coalesce(queued_at, received_at) < now() - make_interval(secs => ?) order by id""",
                Long.class, flow, (double) since.toSeconds());
    }

    String failureReason(long exchangeId) {
        return jdbc.queryForObject("select failure_reason from exchange where id = ?", String.class, exchangeId);
    }

    void submittedBy(long exchangeId, String user) {
        jdbc.update("update exchange set submitted_by = ? where id = ? and submitted_by is null", user, exchangeId);
    }

    void stopRetrying(long exchangeId) {
        jdbc.update("update exchange set retry_at = null where id = ?", exchangeId);
    }

    void queued(long exchangeId) {
        jdbc.update("update exchange set queued_at = now() where id = ?", exchangeId);
    }

    void startProcessing(long exchangeId) {
        jdbc.update("update exchange set status = 'PROCESSING', updated_at = now() where id = ? and status = 'RECEIVED'",
                exchangeId);
    }

    void startProcessingHeld(long exchangeId) {
        jdbc.update("update exchange set status = 'PROCESSING', updated_at = now() where id = ? and status = 'HELD'",
                exchangeId);
    }

    /** @return false when this chunk was already applied (a redelivery or a replayed file) */
    /** Whether every chunk before this one is applied. */
    boolean chunksAppliedBefore(ChunkRef chunk) {
        return chunk.chunkNo() == 0 || jdbc.queryForObject("select count(*) from exchange_chunk where exchange_id = ? and chunk_no < ?",
                Integer.class, chunk.exchangeId(), chunk.chunkNo()) == chunk.chunkNo();
    }

    boolean claimChunk(ChunkRef chunk) {
        return jdbc.update("""
                insert into exchange_chunk (exchange_id, chunk_no, first_line, last_line) values (?, ?, ?, ?)
                on conflict do nothing""", chunk.exchangeId(), chunk.chunkNo(), chunk.firstLine(), chunk.lastLine()) == 1;
    }

    void recordChunk(ChunkRef chunk, int lines, List<LineError> errors) {
        recordErrors(chunk.exchangeId(), errors);
        jdbc.update("delete from exchange_chunk_failure where exchange_id = ? and chunk_no = ?",
                chunk.exchangeId(), chunk.chunkNo());
        jdbc.update("""
                update exchange set total_count = total_count + ?, accepted_count = accepted_count + ?,
                       rejected_count = rejected_count + ?, chunks_done = chunks_done + 1, updated_at = now() where id = ?""",
                lines, lines - errors.size(), errors.size(), chunk.exchangeId());
    }

    /** The rejected lines of a file, with the exchange they belong to. */
    void recordErrors(long exchangeId, List<LineError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into exchange_error (exchange_id, line_no, code, message) values (?, ?, ?, left(?, 1000))",
                errors, 1000, (ps, e) -> {
                    ps.setLong(1, exchangeId);
                    ps.setInt(2, e.lineNo());
                    ps.setString(3, e.code());
                    ps.setString(4, e.message());
                });
    }

    void splitCompleted(long exchangeId, int chunks) {
        jdbc.update("update exchange set chunks_expected = ?, split_at = now(), updated_at = now() where id = ?", chunks, exchangeId);
    }

    /**
     * Entries a feed read whole at completion (counted like records) and those it rejected (listed
     * and counted like rejected lines).
     */
    void recordCompletion(long exchangeId, int entries, List<LineError> errors) {
        recordErrors(exchangeId, errors);
        if (entries > 0 || !errors.isEmpty()) {
            jdbc.update("""
                    update exchange set total_count = total_count + ?, accepted_count = accepted_count + greatest(? - ?, 0),
                           rejected_count = rejected_count + ? where id = ?""",
                    entries, entries, errors.size(), errors.size(), exchangeId);
        }
    }

    void finish(long exchangeId) {
        jdbc.update("""
                update exchange set status = case when rejected_count > 0 then 'DONE_WITH_ERRORS' else 'DONE' end,
                       hold_reason = null, failure_reason = null, retry_at = null, completed_at = now(), updated_at = now()
                where id = ?""", exchangeId);
    }

    void hold(long exchangeId, String reason) {
        jdbc.update("update exchange set status = 'HELD', hold_reason = left(?, 1000), updated_at = now() where id = ?",
                reason, exchangeId);
    }

    void reject(long exchangeId, String reason) {
        jdbc.update("""
                update exchange set status = 'REJECTED', failure_reason = left(?, 1000), completed_at = now(), updated_at = now()
                where id = ?""", reason, exchangeId);
    }

    /** @param retryAt when the hub replays it by itself (the cause was an outage), or null: a person replays it */
    void fail(long exchangeId, String reason, Instant retryAt) {
        jdbc.update("""
                update exchange set status = 'FAILED', failure_reason = left(?, 1000), retry_at = ?, completed_at = now(),
                       updated_at = now() where id = ?""",
                reason, retryAt == null ? null : Timestamp.from(retryAt), exchangeId);
    }

    /** Back to RECEIVED for a replay: applied chunks stay applied and are skipped. */
    void reopen(long exchangeId, boolean automatic) {
        jdbc.update("""
                update exchange set status = 'RECEIVED', failure_reason = null, retry_at = null, completed_at = null,
                       chunks_expected = null, retries = retries + ?, updated_at = now() where id = ?""",
                automatic ? 1 : 0, exchangeId);
    }
}
