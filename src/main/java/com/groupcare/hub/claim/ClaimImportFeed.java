package com.groupcare.hub.claim;

import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.BaseFileFeed;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The claims CSV import's part of the file pipeline (routes/claims-import.yaml): the desk uploads
 * the file through the API, the pipeline cuts it into chunks of whole forms, {@link ClaimImportRecorder}
 * records each chunk's forms (a refused form never spoils its chunk, a form is never half recorded), the file's progress is
 * visible on its exchange.
 */
@Component
class ClaimImportFeed extends BaseFileFeed {

    static final String PARTNER = "desk";
    static final String FLOW = "claims-import";

    private final ClaimImportRecorder recorder;

    ClaimImportFeed(ClaimImportRecorder recorder,
                    @Value("${hub.claims.import-chunk-size:500}") int chunkSize,
                    @Value("${hub.claims.import-files-queue:claims.files}") String filesQueue,
                    @Value("${hub.claims.import-records-queue:claims.records}") String recordsQueue) {
        super(FLOW, PARTNER, filesQueue, recordsQueue, chunkSize);
        this.recorder = recorder;
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
        rejected.addAll(recorder.record(ClaimImportLines.forms(lines, rejected), actor));
        rejected.sort(java.util.Comparator.comparingInt(LineError::lineNo));
        return rejected;
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        return Completion.DONE;
    }
}
