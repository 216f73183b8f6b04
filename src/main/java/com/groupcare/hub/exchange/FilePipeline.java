package com.groupcare.hub.exchange;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import com.groupcare.hub.common.HubHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The file pipeline every inbound feed runs through; its routes (routes/file-pipeline.yaml) call
 * these steps: receive and record the file, split it into chunk references, apply each chunk once
 * in one transaction, complete the file (or hold it for a person), and turn a dead-lettered chunk
 * into a failed, replayable exchange.
 */
@Component("filePipeline")
public class FilePipeline {

    private static final Logger log = LoggerFactory.getLogger(FilePipeline.class);

    private final FileFeeds feeds;
    private final ExchangeIntake intake;
    private final ExchangeProgress progress;
    private final ChunkFailures failures;
    private final PipelineQueues queues;
    private final int maxLineBytes;
    private final long maxFileBytes;
    private final int maxAutoRetries;
    private final Duration autoRetryDelay;

    FilePipeline(FileFeeds feeds, ExchangeIntake intake, ExchangeProgress progress, ChunkFailures failures,
                 PipelineQueues queues, @Value("${hub.intake.max-line-bytes:65536}") int maxLineBytes,
                 @Value("${hub.intake.auto-retries:10}") int maxAutoRetries,
                 @Value("${hub.intake.auto-retry-delay:2m}") Duration autoRetryDelay,
                 @Value("${hub.intake.max-file-bytes:1073741824}") long maxFileBytes) {
        this.maxFileBytes = maxFileBytes;
        this.feeds = feeds;
        this.intake = intake;
        this.progress = progress;
        this.failures = failures;
        this.queues = queues;
        this.maxLineBytes = maxLineBytes;
        this.maxAutoRetries = maxAutoRetries;
        this.autoRetryDelay = autoRetryDelay;
    }

    /**
     * Records a partner's file as an exchange, or refuses it whole with the reason (unknown name,
     * empty, cut short, wrong header, older than a file already applied). Nothing is applied here.
     */
    public Intake receive(String flow, String localPath, String fileName) {
        FileFeed feed = feeds.get(flow);
        Path file = Path.of(localPath);
        long size = ExchangeIntake.size(file);
        if (size > maxFileBytes) {
            // not kept: a partner dropping huge files again and again must not fill the disk the database lives on
            return track(intake.refuseUnkept(file, fileName, feed.partner(), flow, "the file is " + size
                    + " bytes, over the limit of " + maxFileBytes + " (hub.intake.max-file-bytes): not kept, not applied"));
        }
        FileFeed.Admission admission;
        try {
            admission = feed.admit(fileName);
        } catch (FileRefused refused) {
            return track(intake.refuse(file, fileName, feed.partner(), flow, refused.getMessage()));
        }
        String refusal = FileChecks.refusal(feed, file, fileName, feed.maxLineBytes(maxLineBytes));
        if (refusal == null && feed.ordered() && admission.date() != null) {
            refusal = progress.lastApplied(flow, -1)
                    .filter(last -> last.fileDate() != null && last.fileDate().isAfter(admission.date()))
                    .map(last -> "the file is dated " + admission.date() + ", before " + last.fileName()
                            + " (exchange " + last.id() + ", " + last.fileDate() + ") already applied: "
                            + "files of this flow apply in the order of their date")
                    .orElse(null);
        }
        if (refusal != null) {
            return track(intake.refuse(file, fileName, feed.partner(), flow, refusal));
        }
        return track(intake.receive(file, fileName, feed.partner(), flow, admission.kind(), admission.date()));
    }

    /** A file uploaded through the API: recorded like a partner's, then queued for its split. */
    public Intake upload(String flow, Path file, String fileName, String user) {
        Intake result = receive(flow, file.toString(), fileName);
        progress.submittedBy(result.exchangeId(), user);
        if (result.toProcess()) {
            queues.split(feeds.get(flow), result.exchangeId());
        }
        return result;
    }

    /** Why a file was refused as a whole (its exchange's failure reason). */
    public String refusal(long exchangeId) {
        return progress.failureReason(exchangeId);
    }

    private static Intake track(Intake result) {
        MDC.put(HubHeaders.MDC_EXCHANGE_ID, Long.toString(result.exchangeId()));
        return result;
    }

    /**
     * The file's chunk references as a stream, or null when it is not to be split now: already
     * split, finished, held, or (ordered flows) another file of the flow goes first.
     */
    @Transactional
    public Iterator<ChunkRef> split(String flow, long exchangeId) {
        FileFeed feed = feeds.get(flow);
        MDC.put(HubHeaders.MDC_EXCHANGE_ID, Long.toString(exchangeId));
        if (feed.ordered()) {
            progress.lockFlow(flow);
        }
        ExchangeState exchange = progress.lock(exchangeId);
        boolean interruptedSplit = exchange.status() == ExchangeStatus.PROCESSING && exchange.chunksExpected() == null;
        if (exchange.status() != ExchangeStatus.RECEIVED && !interruptedSplit) {
            log.info("Exchange is {}: not split again", exchange.status());
            return null;
        }
        if (exchange.status() == ExchangeStatus.RECEIVED && feed.ordered()
                && !progress.nextInTurn(flow).map(id -> id == exchangeId).orElse(false)) {
            log.info("Exchange waits for an earlier file of {} to finish", flow);
            return null;
        }
        progress.startProcessing(exchangeId);
        if (!feed.lineOriented(exchange.fileName())) {
            return Collections.emptyIterator(); // no chunks: the feed reads the file whole at completion
        }
        return new FileChunks(intake.storedPath(exchangeId), feed, exchange.fileName(), exchangeId, feed.maxLineBytes(maxLineBytes));
    }

    /** Every chunk is on the queue; finishes the file if the consumers were quicker. */
    @Transactional
    public void splitCompleted(String flow, long exchangeId, Integer chunks) {
        progress.lock(exchangeId);
        progress.splitCompleted(exchangeId, chunks == null ? 0 : chunks);
        log.info("Exchange split in {} chunks", chunks);
        completeIfAllIn(feeds.get(flow), exchangeId, false);
    }

    /** Applies one chunk exactly once, in one transaction with its book-keeping. */
    @Transactional
    public void apply(String flow, ChunkRef chunk) {
        FileFeed feed = feeds.get(flow);
        MDC.put(HubHeaders.MDC_EXCHANGE_ID, Long.toString(chunk.exchangeId()));
        if (feed.chunksInFileOrder() && !progress.chunksAppliedBefore(chunk)) {
            if (progress.find(chunk.exchangeId()).map(e -> e.status() == ExchangeStatus.FAILED).orElse(true)) {
                log.info("{} not applied: an earlier chunk failed, a replay sends it again in its turn", chunk.describe());
                return;
            }
            // an earlier chunk is being redelivered: this one comes back later, without using up its own deliveries
            log.info("{} waits for the chunks before it", chunk.describe());
            queues.postpone(feed, chunk);
            return;
        }
        if (!progress.claimChunk(chunk)) {
            log.info("{} already applied: skipped", chunk.describe());
            completeIfAllIn(feed, chunk.exchangeId(), false);
            return;
        }
        ExchangeState exchange = progress.find(chunk.exchangeId()).orElseThrow();
        List<RawLine> lines = FileChunks.read(intake.storedPath(chunk.exchangeId()), chunk, feed.maxLineBytes(maxLineBytes));
        lines.removeIf(line -> !line.tooLong() && feed.isTrailer(exchange, line.text()));
        List<LineError> errors = feed.apply(exchange, lines);
        progress.lock(chunk.exchangeId());
        progress.recordChunk(chunk, lines.size(), errors);
        log.info("{} applied: {} lines, {} rejected", chunk.describe(), lines.size(), errors.size());
        completeIfAllIn(feed, chunk.exchangeId(), false);
    }

    /**
     * The broker gave up on a chunk: its file is FAILED with the reason, the other chunks stay applied,
     * and the next file of the flow may go. An outage is replayed by the hub itself after a while.
     */
    @Transactional
    public void deadLettered(String flow, ChunkRef chunk) {
        MDC.put(HubHeaders.MDC_EXCHANGE_ID, Long.toString(chunk.exchangeId()));
        if (progress.find(chunk.exchangeId()).isEmpty()) {
            log.error("Dead-lettered {} names no known exchange: dropped", chunk.describe());
            return;
        }
        ExchangeState exchange = progress.lock(chunk.exchangeId());
        if (exchange.status() != ExchangeStatus.PROCESSING && exchange.status() != ExchangeStatus.RECEIVED) {
            log.warn("Dead-lettered {} of an exchange already {}", chunk.describe(), exchange.status());
            return;
        }
        ChunkFailures.Failure failure = failures.find(chunk).orElse(null);
        boolean outage = failure == null || failure.transientCause();
        int retries = progress.retries(chunk.exchangeId());
        Instant retryAt = outage && retries < maxAutoRetries ? Instant.now().plus(autoRetryDelay.multipliedBy(1L << Math.min(retries, 5))) : null;
        String reason = chunk.describe() + " failed after the broker's redeliveries: "
                + (failure == null ? "no error recorded (the database was unreachable)" : failure.lastError())
                + (retryAt != null ? "; the hub replays it by itself at " + retryAt : "; replay it once the cause is fixed");
        progress.fail(chunk.exchangeId(), reason, retryAt);
        log.error("Exchange failed: {}", reason);
        queues.afterCommitNextInTurn(feeds.get(flow));
    }

    /** Runs the completion step once every chunk is in; holds the file when the feed says so. */
    void completeIfAllIn(FileFeed feed, long exchangeId, boolean released) {
        ExchangeState exchange = progress.lock(exchangeId);
        if (exchange.status() != ExchangeStatus.PROCESSING || !exchange.allChunksIn()) {
            return;
        }
        FileFeed.Completion completion = feed.complete(exchange, released);
        if (completion.held()) {
            progress.hold(exchangeId, completion.holdReason());
            log.warn("Exchange held for a person: {}", completion.holdReason());
            return;
        }
        progress.recordCompletion(exchangeId, completion.entries(), completion.errors());
        progress.finish(exchangeId);
        log.info("Exchange finished");
        queues.afterCommitNextInTurn(feed);
    }
}
