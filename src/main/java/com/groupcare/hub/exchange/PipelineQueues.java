package com.groupcare.hub.exchange;

import java.time.Duration;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts files on their feed's split queue: after the transaction that made them ready commits (so
 * the consumer sees them), and again from a sweep when a crash or an outage came in between.
 */
@Component("pipelineQueues")
public class PipelineQueues {

    private static final Logger log = LoggerFactory.getLogger(PipelineQueues.class);

    private final ProducerTemplate producer;
    private final ExchangeProgress progress;
    private final FileFeeds feeds;
    private final ExchangeActions actions;
    private final Duration requeueAfter;
    private final long postponeMillis;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    PipelineQueues(@Lazy ProducerTemplate producer, ExchangeProgress progress, @Lazy FileFeeds feeds,
                   @Lazy ExchangeActions actions, @Value("${hub.intake.requeue-after:2m}") Duration requeueAfter,
                   @Value("${hub.intake.postpone-millis:1000}") long postponeMillis) {
        this.postponeMillis = postponeMillis;
        this.producer = producer;
        this.progress = progress;
        this.feeds = feeds;
        this.actions = actions;
        this.requeueAfter = requeueAfter;
    }

    /** Queues the file's split now, or after the current transaction commits. */
    void split(FileFeed feed, long exchangeId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            progress.queued(exchangeId);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(feed, exchangeId);
                }
            });
        } else {
            send(feed, exchangeId);
            progress.queued(exchangeId);
        }
    }

    /**
     * A chunk of a feed applied in file order came before its turn: it goes back on its queue for
     * later (a message the broker holds until then), once this transaction commits.
     */
    void postpone(FileFeed feed, ChunkRef chunk) {
        String body;
        try {
            body = JSON.writeValueAsString(chunk);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long at = System.currentTimeMillis() + postponeMillis;
        Runnable send = () -> producer.sendBodyAndHeader("jms:queue:" + feed.recordsQueue(), body, "_AMQ_SCHED_DELIVERY", at);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    /** For an ordered flow, the file whose turn has come (if any) is queued once this transaction commits. */
    void afterCommitNextInTurn(FileFeed feed) {
        if (feed.ordered()) {
            progress.nextInTurn(feed.flow()).ifPresent(id -> split(feed, id));
        }
    }

    private void send(FileFeed feed, long exchangeId) {
        try {
            producer.sendBody("jms:queue:" + feed.filesQueue(), Long.toString(exchangeId));
        } catch (RuntimeException e) {
            // the sweep queues it again once the broker is back
            log.warn("Exchange {} not queued for its split ({}); the sweep will retry", exchangeId, e.getClass().getSimpleName());
        }
    }

    /**
     * Called by the route file-pipeline-sweep: replays files that failed on an outage, and queues
     * files whose split message was lost (a crash between the commit and the send, a broker away).
     */
    public void sweep() {
        progress.dueForRetry().forEach(id -> {
            try {
                actions.replay(id, "hub", true);
            } catch (ExchangeActions.NotAllowed e) {
                // a newer file went over it meanwhile: a person decides, the hub stops trying
                progress.stopRetrying(id);
                log.warn("Exchange {} is no longer replayed by the hub: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Automatic replay of exchange {} not possible now: {}", id, e.getClass().getSimpleName());
            }
        });
        for (FileFeed feed : feeds.all()) {
            if (feed.ordered()) {
                List<Long> lost = progress.receivedNotQueued(feed.flow(), requeueAfter);
                progress.nextInTurn(feed.flow()).filter(lost::contains).ifPresent(id -> split(feed, id));
            } else {
                progress.receivedNotQueued(feed.flow(), requeueAfter).forEach(id -> split(feed, id));
            }
        }
    }
}
