package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transmittals (bordereaux d'envoi): the valued claims of a contract gathered under one number,
 * then written to the insurer through the queue claims.transmittals. A claim joins one
 * transmittal at most: batching takes it out of VALUED in the same transaction.
 */
@Service
public class TransmittalService {

    private static final Logger log = LoggerFactory.getLogger(TransmittalService.class);

    private final JdbcTemplate jdbc;
    private final ContractCatalog contracts;
    private final AuditLog auditLog;
    private final com.groupcare.hub.exchange.OutboundUploads uploads;
    private final com.groupcare.hub.common.QueuedAfterCommit queue;

    public TransmittalService(JdbcTemplate jdbc, ContractCatalog contracts, AuditLog auditLog,
                              com.groupcare.hub.exchange.OutboundUploads uploads, ProducerTemplate producer,
                              @Value("${hub.claims.transmittal-queue-uri}") String queue) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.auditLog = auditLog;
        this.uploads = uploads;
        this.queue = new com.groupcare.hub.common.QueuedAfterCommit(producer, jdbc, queue, "transmittal");
    }

    @Transactional
    public Map<String, Object> create(String policyNumber, String actor) {
        InsuranceContract contract = contracts.get(policyNumber)
                .orElseThrow(() -> new ClaimRefused("unknown contract " + policyNumber));
        // one transmittal at a time per contract: numbers follow each other without gaps
        jdbc.queryForObject("select policy_number from insurance_contract where policy_number = ? for update",
                String.class, policyNumber);
        int sequence = jdbc.queryForObject("select count(*) + 1 from transmittal where policy_number = ?",
                Integer.class, policyNumber);
        String number = policyNumber + "-" + String.format("%05d", sequence);
        Long id = jdbc.queryForObject("""
                insert into transmittal (transmittal_number, policy_number, currency, status, claim_count, total_expected,
                    created_by, created_at) values (?, ?, ?, 'CREATED', 0, 0, ?, now()) returning id""",
                Long.class, number, policyNumber, contract.currency(), actor);
        int claims = jdbc.update("""
                update claim set status = 'BATCHED', transmittal_id = ?, updated_at = now()
                where policy_number = ? and status = 'VALUED'""", id, policyNumber);
        if (claims == 0) {
            throw new ClaimConflict("no valued claim waits for a transmittal on " + policyNumber);
        }
        BigDecimal total = jdbc.queryForObject("select sum(total_expected) from claim where transmittal_id = ?",
                BigDecimal.class, id);
        jdbc.update("update transmittal set claim_count = ?, total_expected = ? where id = ?", claims, total, id);
        auditLog.write(List.of(new Audit("TRANSMITTAL", number, "CREATE", actor, Instant.now(), null,
                Map.of("claims", claims, "totalExpected", total.toPlainString()))));
        queue.afterCommit(id);
        return jdbc.queryForMap("select transmittal_number, policy_number, status, claim_count, total_expected "
                + "from transmittal where id = ?", id);
    }

    /** The broker gave up on a transmittal (dead-lettered): the desk sees it FAILED and can send it again. */
    @Transactional
    public void markFailed(long id) {
        if (jdbc.update("update transmittal set status = 'FAILED', failure_reason = 'the broker gave up writing its files' "
                + "where id = ? and status = 'CREATED'", id) == 1) {
            log.warn("Transmittal {} could not be written to the insurer: marked FAILED", id);
            String number = jdbc.queryForObject("select transmittal_number from transmittal where id = ?", String.class, id);
            auditLog.write(List.of(new Audit("TRANSMITTAL", number, "FAILED", "hub", Instant.now(),
                    Map.of("status", "CREATED"), Map.of("status", "FAILED", "reason", "the broker gave up writing its files"))));
        }
    }

    /**
     * Sends a FAILED transmittal again (after the cause is fixed: layout, insurer's server...). Its files are
     * looked for on the insurer's server first, as on every attempt. {@code insurerNeverReceivedIt}: the desk
     * checked with the insurer that an interrupted upload never reached it (the transmittal was held for that).
     */
    @Transactional
    public Map<String, Object> resend(String number, boolean insurerNeverReceivedIt, String actor) {
        Long id = jdbc.query("select id from transmittal where transmittal_number = ? and status = 'FAILED' for update",
                rs -> rs.next() ? rs.getLong(1) : null, number);
        if (id == null) {
            throw new ClaimConflict("transmittal " + number + " is not FAILED");
        }
        jdbc.update("update transmittal set status = 'CREATED', queued_at = null, failure_reason = null where id = ?", id);
        if (insurerNeverReceivedIt) {
            uploads.forget(TransmittalFiles.FLOW, number);
        }
        auditLog.write(List.of(new Audit("TRANSMITTAL", number, "RESEND", actor, Instant.now(), Map.of("status", "FAILED"),
                insurerNeverReceivedIt ? Map.of("status", "CREATED", "insurerNeverReceivedIt", true) : Map.of("status", "CREATED"))));
        queue.afterCommit(id);
        return jdbc.queryForMap("select transmittal_number, policy_number, status, claim_count, total_expected "
                + "from transmittal where id = ?", id);
    }

    /** Transmittals committed but never queued (the hub stopped, or the broker refused): queued now. */
    public void resendStuck() {
        queue.queueStuck("CREATED");
    }

}
