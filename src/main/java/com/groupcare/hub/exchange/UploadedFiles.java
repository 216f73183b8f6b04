package com.groupcare.hub.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files the desk uploads through the API (provider lists, claim forms) are exchanges like the
 * partners' files: kept, checksummed, counted, their rejected lines listed; the same file twice
 * is a duplicate and does nothing.
 */
@Service
public class UploadedFiles {

    private final ExchangeIntake intake;
    private final ExchangeProgress progress;
    private final JdbcTemplate jdbc;

    public UploadedFiles(ExchangeIntake intake, ExchangeProgress progress, JdbcTemplate jdbc) {
        this.intake = intake;
        this.progress = progress;
        this.jdbc = jdbc;
    }

    public Intake receive(String partner, String flow, String fileName, byte[] content) {
        Path temp = null;
        try {
            temp = Files.createTempFile("upload-", ".tmp");
            Files.write(temp, content);
            return intake.receive(temp, fileName, partner, flow, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
    }

    /** The upload is processed: its counts and rejected lines (replacing those of an earlier failed attempt). */
    @Transactional
    public void complete(long exchangeId, int lines, List<LineError> rejected) {
        jdbc.update("delete from exchange_error where exchange_id = ?", exchangeId);
        progress.recordErrors(exchangeId, rejected);
        jdbc.update("""
                update exchange set total_count = ?, accepted_count = ?, rejected_count = ?, completed_at = now(),
                    status = case when ? > 0 then 'DONE_WITH_ERRORS' else 'DONE' end where id = ?""",
                lines, lines - rejected.size(), rejected.size(), rejected.size(), exchangeId);
    }

    @Transactional
    public void failed(long exchangeId, String reason) {
        progress.fail(exchangeId, reason, null);
    }
}
