package com.groupcare.hub.membership;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;

import com.groupcare.hub.common.HubHeaders;
import com.groupcare.hub.exchange.ExchangeIntake;
import com.groupcare.hub.exchange.ExchangeProgress;
import com.groupcare.hub.exchange.Intake;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HR sync steps the route hr-sync.yaml calls: receive the file, stream it as chunks,
 * record the end of the split. Applying a chunk is {@link HrChunkApplier}'s job.
 */
@Service
public class HrSync {

    public static final String PARTNER = "hr";
    public static final String FLOW = "hr-sync";

    private final ExchangeIntake intake;
    private final ExchangeProgress progress;
    private final HrSnapshotCloser closer;
    private final HrLayout layout;
    private final int chunkSize;
    private final Duration waitForPrevious;

    public HrSync(ExchangeIntake intake, ExchangeProgress progress, HrSnapshotCloser closer,
                  @Value("${hub.hr.layout}") Resource layout, @Value("${hub.hr.chunk-size}") int chunkSize,
                  @Value("${hub.hr.wait-for-previous:30m}") Duration waitForPrevious) {
        this.intake = intake;
        this.progress = progress;
        this.closer = closer;
        this.layout = HrLayout.load(layout);
        this.chunkSize = chunkSize;
        this.waitForPrevious = waitForPrevious;
    }

    public HrLayout layout() {
        return layout;
    }

    /** Registers the file as an exchange; a name that matches no pattern fails the file as a whole. */
    public Intake receive(String localPath, String fileName) {
        Path path = Path.of(localPath);
        HrLayout.FileInfo info = layout.classify(fileName).orElse(null);
        if (info == null) {
            long id = intake.rejectFile(path, fileName, PARTNER, FLOW,
                    "file name matches neither " + layout.snapshotName() + " nor " + layout.deltaName());
            throw new HrFileRefused("exchange " + id + ": unknown HR file name");
        }
        Intake result = intake.receive(path, fileName, PARTNER, FLOW, info.kind().name(), info.date());
        MDC.put(HubHeaders.MDC_EXCHANGE_ID, Long.toString(result.exchangeId()));
        return result;
    }

    /**
     * HR files apply in the order they arrived (a delta must not overtake the snapshot before it):
     * waits while an earlier HR file is still being applied, up to hub.hr.wait-for-previous.
     */
    public void awaitTurn(long exchangeId) throws InterruptedException {
        long deadline = System.nanoTime() + waitForPrevious.toNanos();
        while (progress.unfinishedBefore(exchangeId, FLOW) > 0) {
            if (System.nanoTime() > deadline) {
                throw new HrFileRefused("an earlier HR file is still being applied after " + waitForPrevious
                        + "; drop this file again once it is finished");
            }
            Thread.sleep(200);
        }
    }

    /** The stored original as a stream of chunks, for Camel's streaming split. */
    @Transactional
    public Iterator<HrChunk> chunks(long exchangeId) {
        progress.startProcessing(exchangeId);
        return new HrFileReader(intake.storedPath(exchangeId), exchangeId, chunkSize, layout);
    }

    /** Called once every chunk is on the queue; finishes the exchange if the consumers are already done. */
    @Transactional
    public void splitCompleted(long exchangeId, Integer chunks) {
        progress.lock(exchangeId);
        progress.splitCompleted(exchangeId, chunks == null ? 0 : chunks);
        closer.closeIfComplete(exchangeId);
    }

    public void fail(Long exchangeId, String reason) {
        if (exchangeId != null) {
            intake.markFailed(exchangeId, reason);
        }
    }
}
