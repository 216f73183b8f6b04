package com.groupcare.hub.exchange;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Book-keeping of a file processed in chunks, always inside the caller's transaction:
 * a chunk is applied once, counts add up, and the exchange is finished when the split is
 * over and every chunk is in.
 */
@Service
public class ExchangeProgress {

    private final JdbcTemplate jdbc;

    public ExchangeProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The exchange row, locked until the transaction ends: chunk consumers and the splitter take turns. */
    public Snapshot lock(long exchangeId) {
        return read(exchangeId, " for no key update");
    }

    public Snapshot read(long exchangeId) {
        return read(exchangeId, "");
    }

    private Snapshot read(long exchangeId, String lock) {
        return jdbc.queryForObject("""
                select file_kind, file_date, status, chunks_expected, chunks_done from exchange where id = ?""" + lock,
                (rs, i) -> new Snapshot(exchangeId, rs.getString(1), rs.getObject(2, LocalDate.class),
                        ExchangeStatus.valueOf(rs.getString(3)), (Integer) rs.getObject(4), rs.getInt(5)),
                exchangeId);
    }

    /** Unfinished inbound exchanges of this flow received before this one (files of a flow apply in order). */
    public int unfinishedBefore(long exchangeId, String flow) {
        return jdbc.queryForObject("""
                select count(*) from exchange where flow = ? and direction = 'IN' and id < ?
                   and status in ('RECEIVED', 'PROCESSING')""", Integer.class, flow, exchangeId);
    }

    public void startProcessing(long exchangeId) {
        jdbc.update("update exchange set status = 'PROCESSING' where id = ? and status = 'RECEIVED'", exchangeId);
    }

    /** @return false when this chunk was already applied (a redelivery or a resumed file) */
    public boolean claimChunk(long exchangeId, int chunkNo) {
        return jdbc.update("insert into exchange_chunk (exchange_id, chunk_no) values (?, ?) on conflict do nothing",
                exchangeId, chunkNo) == 1;
    }

    public void recordChunk(long exchangeId, int lines, List<LineError> errors) {
        recordErrors(exchangeId, errors);
        jdbc.update("""
                update exchange set total_count = total_count + ?, accepted_count = accepted_count + ?,
                       rejected_count = rejected_count + ?, chunks_done = chunks_done + 1 where id = ?""",
                lines, lines - errors.size(), errors.size(), exchangeId);
    }

    /** The rejected lines of a file, with the exchange they belong to. */
    void recordErrors(long exchangeId, List<LineError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into exchange_error (exchange_id, line_no, code, message) values (?, ?, ?, ?)",
                errors, 1000, (ps, e) -> {
                    ps.setLong(1, exchangeId);
                    ps.setInt(2, e.lineNo());
                    ps.setString(3, e.code());
                    ps.setString(4, e.message());
                });
    }

    public void splitCompleted(long exchangeId, int chunks) {
        jdbc.update("update exchange set chunks_expected = ? where id = ?", chunks, exchangeId);
    }

    public void finish(long exchangeId) {
        jdbc.update("""
                update exchange set status = case when rejected_count > 0 then 'DONE_WITH_ERRORS' else 'DONE' end,
                       completed_at = now() where id = ?""", exchangeId);
    }

    /** The exchange as a chunk consumer sees it. */
    public record Snapshot(long id, String fileKind, LocalDate fileDate, ExchangeStatus status,
                           Integer chunksExpected, int chunksDone) {

        public boolean allChunksIn() {
            return chunksExpected != null && chunksDone >= chunksExpected && !status.finished();
        }
    }
}
