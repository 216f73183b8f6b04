package com.groupcare.hub.claim;

import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.BaseFileFeed;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import com.groupcare.hub.common.SafeErrors;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The claims CSV import's part of the file pipeline (routes/claims-import.yaml): the desk uploads
 * the file through the API, the pipeline cuts it into chunks of whole forms, each form is recorded
 * and valued on its own savepoint (a refused form never spoils its chunk, a form is never half recorded), the file's progress is
 * visible on its exchange.
 */
@Component
class ClaimImportFeed extends BaseFileFeed {

    static final String PARTNER = "desk";
    static final String FLOW = "claims-import";

    private final ClaimService claims;
    private final JdbcTemplate jdbc;

    ClaimImportFeed(ClaimService claims, JdbcTemplate jdbc,
                    @Value("${hub.claims.import-chunk-size:500}") int chunkSize,
                    @Value("${hub.claims.import-files-queue:claims.files}") String filesQueue,
                    @Value("${hub.claims.import-records-queue:claims.records}") String recordsQueue) {
        super(FLOW, PARTNER, filesQueue, recordsQueue, chunkSize);
        this.claims = claims;
        this.jdbc = jdbc;
    }

    @Override
    public Admission admit(String fileName) {
        return new Admission(null, null);
    }

    @Override
    public String checkHeader(String headerLine) {
        return ClaimImportLines.checkHeader(headerLine);
    }

    @Override
    public String chunkKey(String line) {
        return ClaimImportLines.formKey(line);
    }

    @Override
    public List<LineError> apply(ExchangeState exchange, List<RawLine> lines) {
        List<LineError> rejected = new ArrayList<>();
        String actor = exchange.submittedBy() == null ? "file:" + exchange.id() : exchange.submittedBy();
        ChunkLedger ledger = new ChunkLedger(jdbc);
        for (ClaimImportLines.Form form : ClaimImportLines.forms(lines, rejected)) {
            int mark = ledger.mark();
            jdbc.execute("savepoint claim_form");
            try {
                claims.record(form.claim(), actor, ledger);
                jdbc.execute("release savepoint claim_form");
            } catch (ClaimRefused | ClaimConflict e) {
                undo(ledger, mark);
                rejected.addAll(refused(form, e.getReason()));
            } catch (DataAccessException e) {
                if (SafeErrors.isTransient(e)) {
                    throw e;
                }
                undo(ledger, mark);
                rejected.addAll(refused(form, "the database refused the form: " + SafeErrors.describe(e)));
            }
        }
        ledger.flush();
        rejected.sort(java.util.Comparator.comparingInt(LineError::lineNo));
        return rejected;
    }

    private void undo(ChunkLedger ledger, int mark) {
        jdbc.execute("rollback to savepoint claim_form");
        ledger.rollbackTo(mark);
    }

    private static List<LineError> refused(ClaimImportLines.Form form, String reason) {
        return ClaimImportLines.refusedWhole(form.lineNos(), List.of(new LineError(form.lineNos().get(0), "CLAIM_REFUSED", reason)));
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        return Completion.DONE;
    }
}
