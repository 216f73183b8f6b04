package com.groupcare.hub.common;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts a batch (a transmittal, movement batch, payment batch) on its queue once the transaction that
 * made it commits, marks it queued, and queues again those committed but never queued (the hub
 * stopped in between, the broker refused): the batch is a row first, a message second, never lost.
 */
public final class QueuedAfterCommit {

    private static final Logger log = LoggerFactory.getLogger(QueuedAfterCommit.class);

    private final ProducerTemplate producer;
    private final JdbcTemplate jdbc;
    private final String queueUri;
    private final String table;

    /** {@code table} has id, status, created_at and queued_at columns. */
    public QueuedAfterCommit(ProducerTemplate producer, JdbcTemplate jdbc, String queueUri, String table) {
        this.producer = producer;
        this.jdbc = jdbc;
        this.queueUri = queueUri;
        this.table = table;
    }

    public void afterCommit(long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue(id);
            }
        });
    }

    /** The rows in {@code status} committed over a minute ago and never queued: queued now. */
    public void queueStuck(String status) {
        jdbc.queryForList("select id from " + table + " where status = ? and queued_at is null "
                + "and created_at < now() - interval '1 minute'", Long.class, status).forEach(this::queue);
    }

    /** The batch is committed either way: a failed send is left to {@link #queueStuck}. */
    private void queue(long id) {
        try {
            producer.sendBody(queueUri, id);
            jdbc.update("update " + table + " set queued_at = now() where id = ?", id);
        } catch (RuntimeException e) {
            log.warn("{} {} not queued ({}); it will be queued again", table, id, e.getClass().getSimpleName());
        }
    }
}
