package com.groupcare.hub.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person (or the hub after an outage) may do to a file: replay it, release or reject it when held. Audited. */
@Service
public class ExchangeActions {

    private static final Logger log = LoggerFactory.getLogger(ExchangeActions.class);

    private final ExchangeProgress progress;
    private final FileFeeds feeds;
    private final FilePipeline pipeline;
    private final PipelineQueues queues;
    private final AuditLog audit;

    ExchangeActions(ExchangeProgress progress, FileFeeds feeds, FilePipeline pipeline, PipelineQueues queues, AuditLog audit) {
        this.progress = progress;
        this.feeds = feeds;
        this.pipeline = pipeline;
        this.queues = queues;
        this.audit = audit;
    }

    /** The request cannot be done in the file's state; the message says why. */
    public static class NotAllowed extends RuntimeException {
        public NotAllowed(String message) {
            super(message, null, false, false);
        }
    }

    /** Applies a failed file again: chunks already applied are skipped, the others applied once. */
    @Transactional
    public void replay(long exchangeId, String actor, boolean automatic) {
        ExchangeState exchange = locked(exchangeId);
        if (exchange.status() != ExchangeStatus.FAILED || !exchange.replayable()) {
            throw new NotAllowed(exchange.replayable() ? "only a FAILED file can be replayed; this one is " + exchange.status()
                    : "this file was refused as a whole (see its reason): send a corrected file instead");
        }
        FileFeed feed = feeds.get(exchange.flow());
        if (feed.ordered()) {
            progress.appliedSince(exchange).ifPresent(newer -> {
                throw new NotAllowed("a newer file of this flow has been applied since (exchange " + newer.id() + ", "
                        + newer.fileName() + "): replaying this one would go over newer data; send a new file instead");
            });
        }
        progress.reopen(exchangeId, automatic);
        audit(exchangeId, "REPLAY", actor, exchange.status(), ExchangeStatus.RECEIVED, null);
        log.info("Exchange {} replayed by {}", exchangeId, automatic ? "the hub after an outage" : "a user");
        if (feed.ordered()) {
            queues.afterCommitNextInTurn(feed);
        } else {
            queues.split(feed, exchangeId);
        }
    }

    /** A person has checked a held file and lets it complete. */
    @Transactional
    public void release(long exchangeId, String actor) {
        ExchangeState exchange = held(exchangeId);
        progress.startProcessingHeld(exchangeId);
        audit(exchangeId, "RELEASE", actor, ExchangeStatus.HELD, ExchangeStatus.PROCESSING, null);
        pipeline.completeIfAllIn(feeds.get(exchange.flow()), exchangeId, true);
    }

    /** A person refuses a held file: its completion step never runs (what it put aside is dropped); the next file may go. */
    @Transactional
    public void reject(long exchangeId, String actor, String reason) {
        ExchangeState exchange = held(exchangeId);
        FileFeed feed = feeds.get(exchange.flow());
        String why = "rejected by a user" + (reason == null || reason.isBlank() ? "" : ": " + reason);
        progress.reject(exchangeId, why);
        feed.rejected(exchange);
        audit(exchangeId, "REJECT", actor, ExchangeStatus.HELD, ExchangeStatus.REJECTED, reason);
        queues.afterCommitNextInTurn(feed);
    }

    private ExchangeState held(long exchangeId) {
        ExchangeState exchange = locked(exchangeId);
        if (exchange.status() != ExchangeStatus.HELD) {
            throw new NotAllowed("only a HELD file can be released or rejected; this one is " + exchange.status());
        }
        return exchange;
    }

    private ExchangeState locked(long exchangeId) {
        progress.find(exchangeId).orElseThrow(() -> new NotFound(exchangeId));
        return progress.lock(exchangeId);
    }

    private void audit(long exchangeId, String action, String actor, ExchangeStatus before, ExchangeStatus after, String reason) {
        audit.write(List.of(new Audit("exchange", Long.toString(exchangeId), action, actor, Instant.now(),
                Map.of("status", before.name()),
                reason == null ? Map.of("status", after.name()) : Map.of("status", after.name(), "reason", reason))));
    }

    /** No inbound exchange with this id. */
    public static class NotFound extends RuntimeException {
        public NotFound(long id) {
            super("no inbound exchange " + id, null, false, false);
        }
    }
}
