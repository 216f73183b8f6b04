package com.groupcare.hub.membership;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Movement batches (avenants to the insurer): the movements of the members a contract covers that
 * were never sent to its insurer (or that the insurer rejected and the desk sends again) are
 * gathered under a number in one transaction, then written through the queue
 * (routes/membership-movements.yaml). A movement is in one batch per insurer; sending again with
 * nothing new sends nothing.
 */
@Service("movementBatches")
public class MovementBatches {

    private static final Logger log = LoggerFactory.getLogger(MovementBatches.class);

    private final JdbcTemplate jdbc;
    private final MovementMappings mappings;
    private final AuditLog audit;
    private final com.groupcare.hub.common.QueuedAfterCommit queue;
    private final Map<String, LocalDateTime> lastChecked = new ConcurrentHashMap<>();
    private final org.springframework.transaction.support.TransactionTemplate tx;

    MovementBatches(JdbcTemplate jdbc, MovementMappings mappings, AuditLog audit, @Lazy ProducerTemplate producer,
                    @Value("${hub.movements.queue-uri}") String queue,
                    org.springframework.transaction.PlatformTransactionManager transactions) {
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.audit = audit;
        this.queue = new com.groupcare.hub.common.QueuedAfterCommit(producer, jdbc, queue, "movement_batch");
    }

    /** Gathers the contract's unsent movements into a numbered batch; empty when there is nothing to send. */
    @Transactional
    public Map<String, Object> create(String policy, String actor) {
        MovementLayout layout = mappings.get(policy).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no movements section in the insurer mapping of " + policy));
        jdbc.queryForList("select policy_number from insurance_contract where policy_number = ? for update", policy);
        int sequence = jdbc.queryForObject("select count(*) + 1 from movement_batch where policy_number = ?", Integer.class, policy);
        String number = String.format("%05d", sequence);
        long batch = jdbc.queryForObject("""
                insert into movement_batch (batch_number, policy_number, status, movement_count, file_name, created_by, created_at)
                values (?, ?, 'CREATED', 0, ?, ?, now()) returning id""", Long.class,
                "MVT-" + policy + "-" + number, policy, layout.fileName().replace("{number}", number), actor);
        String[] units = layout.orgUnits().toArray(String[]::new);
        int fresh = jdbc.update(MovementLayout.COVERED + """
                insert into movement_dispatch (movement_id, policy_number, batch_id, status)
                select mv.id, ?, ?, 'PENDING' from membership_movement mv join member m on m.id = mv.member_id
                left join beneficiary b on b.id = mv.beneficiary_id
                where """ + MovementLayout.COVERED_MEMBER + """
                  and not exists (select 1 from movement_dispatch d where d.movement_id = mv.id and d.policy_number = ?)
                  -- a file still being applied, or held for a person, tells the insurer nothing yet
                  and not exists (select 1 from exchange e where e.id = mv.exchange_id and e.status in ('RECEIVED', 'PROCESSING', 'HELD'))
                order by m.matricule, coalesce(b.rank, 0), mv.exchange_id, mv.line_no, mv.movement_type, mv.effective_date, mv.id""",
                units, policy, batch, units, policy);
        int again = jdbc.update("""
                update movement_dispatch set batch_id = ?, status = 'PENDING', insurer_code = null, insurer_label = null,
                       ack_exchange_id = null, acked_at = null
                where policy_number = ? and status = 'RESEND'""", batch, policy);
        if (fresh + again == 0) {
            jdbc.update("delete from movement_batch where id = ?", batch);
            return Map.of("policyNumber", policy, "movements", 0);
        }
        jdbc.update("update movement_batch set movement_count = ? where id = ?", fresh + again, batch);
        audit.write(List.of(new Audit("MOVEMENT_BATCH", "MVT-" + policy + "-" + number, "CREATE", actor, Instant.now(), null,
                Map.of("movements", fresh + again, "resent", again))));
        queue.afterCommit(batch);
        return batch(batch);
    }

    Map<String, Object> batch(long id) {
        return jdbc.queryForMap("""
                select batch_number, policy_number, status, movement_count, file_name, exchange_id, created_at, sent_at, failure_reason
                from movement_batch where id = ?""", id);
    }

    /** Called every minute by the route: each insurer whose schedule came round since the last look gets its batch. */
    public void sendDue() {
        sendDueAt(LocalDateTime.now());
    }

    /** Not an overload of sendDue(): Camel would bind the timer's empty body to it. */
    void sendDueAt(LocalDateTime now) {
        for (MovementLayout layout : mappings.all()) {
            LocalDateTime since = lastChecked.put(layout.policyNumber(), now);
            LocalDateTime next = since == null ? null : layout.schedule().next(since);
            if (next != null && !next.isAfter(now)) {
                // called from the timer, not through the proxy: the batch gets its own transaction here
                Map<String, Object> result = tx.execute(status -> create(layout.policyNumber(), "schedule"));
                log.info("Scheduled movements of {}: {}", layout.policyNumber(), result.getOrDefault("movement_count", 0));
            }
        }
    }

    /** The broker gave up writing a batch: FAILED, its movements visible and unsent until it is sent again. */
    @Transactional
    public void markFailed(long id) {
        if (jdbc.update("update movement_batch set status = 'FAILED', failure_reason = 'the broker gave up writing its file' "
                + "where id = ? and status = 'CREATED'", id) == 1) {
            log.warn("Movement batch {} could not be written to the insurer: FAILED", id);
        }
    }

    @Transactional
    public Map<String, Object> resend(String number, String actor) {
        Long id = jdbc.query("select id from movement_batch where batch_number = ? and status = 'FAILED' for update",
                rs -> rs.next() ? rs.getLong(1) : null, number);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "movement batch " + number + " is not FAILED");
        }
        jdbc.update("update movement_batch set status = 'CREATED', queued_at = null, failure_reason = null where id = ?", id);
        audit.write(List.of(new Audit("MOVEMENT_BATCH", number, "RESEND", actor, Instant.now(), null, null)));
        queue.afterCommit(id);
        return batch(id);
    }

    /** A rejected movement, once corrected, goes in the contract's next batch. */
    @Transactional
    public Map<String, Object> sendAgain(long dispatchId, String actor) {
        if (jdbc.update("update movement_dispatch set status = 'RESEND' where id = ? and status = 'REJECTED'", dispatchId) == 0) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "movement " + dispatchId + " was not rejected by the insurer");
        }
        audit.write(List.of(new Audit("MOVEMENT", Long.toString(dispatchId), "RESEND", actor, Instant.now(), null, null)));
        return jdbc.queryForMap("select id, policy_number, status from movement_dispatch where id = ?", dispatchId);
    }

    /** Batches committed but never queued (the hub stopped in between): queued now. */
    public void resendStuck() {
        queue.queueStuck("CREATED");
    }

}
