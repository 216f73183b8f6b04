package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.server.ResponseStatusException;

/**
 * Payment batches: the desk previews what its criteria would pay, then confirms. Confirming locks
 * the payables it pays (a second confirmation at the same moment waits, then finds them taken), so
 * the same payable never enters two batches; the batch's file is then written through the queue
 * payment.files (routes/payments.yaml).
 */
@Service("paymentBatches")
public class PaymentBatches {

    private static final Logger log = LoggerFactory.getLogger(PaymentBatches.class);

    private final JdbcTemplate jdbc;
    private final Debtors debtors;
    private final AuditLog audit;
    private final ProducerTemplate producer;
    private final String queue;

    PaymentBatches(JdbcTemplate jdbc, Debtors debtors, AuditLog audit, @Lazy ProducerTemplate producer,
                   @Value("${hub.payments.files-queue-uri}") String queue) {
        this.jdbc = jdbc;
        this.debtors = debtors;
        this.audit = audit;
        this.producer = producer;
        this.queue = queue;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> preview(PaymentProposal.Criteria criteria) {
        Debtors.Debtor debtor = debtor(criteria);
        return answer(PaymentProposal.of(jdbc, criteria, debtor.currency(), false), debtor, null);
    }

    @Transactional
    public Map<String, Object> confirm(PaymentProposal.Criteria criteria, String actor) {
        Debtors.Debtor debtor = debtor(criteria);
        PaymentProposal proposal = PaymentProposal.of(jdbc, criteria, debtor.currency(), true);
        if (proposal.transfers.isEmpty()) {
            return answer(proposal, debtor, null);
        }
        long id = jdbc.queryForObject("select nextval('payment_batch_id_seq')", Long.class);
        String number = String.format("PAY-%06d", id);
        LocalDate execution = criteria.executionDate() == null ? LocalDate.now().plusDays(1) : criteria.executionDate();
        jdbc.update("""
                insert into payment_batch (id, batch_number, debtor, file_format, execution_date, currency, criteria, status,
                                           transfer_count, total, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, date_trunc('second', now()))""",
                id, number, debtor.id(), debtor.format().name(), execution, debtor.currency(), criteria.toString(),
                proposal.transfers.size(), proposal.total(), actor);
        for (PaymentProposal.Transfer t : proposal.transfers) {
            long transfer = jdbc.queryForObject("select nextval('transfer_id_seq')", Long.class);
            jdbc.update("""
                    insert into transfer (id, batch_id, end_to_end_id, payee_type, payee, payee_name, account, amount, currency,
                                          payables_total, recovered, status)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT')""", transfer, id, number + "-" + transfer, t.payeeType(),
                    t.payee(), t.name(), t.account(), t.amount(), debtor.currency(), t.payablesTotal(), t.recovered());
            jdbc.update("update payable set status = 'BATCHED', transfer_id = ?, updated_at = now() where id = any(?)", transfer,
                    t.payables().toArray(Long[]::new));
            t.recoveries().forEach((overpayment, amount) -> {
                jdbc.update("insert into transfer_recovery (transfer_id, overpayment_id, amount) values (?, ?, ?)",
                        transfer, overpayment, amount);
                jdbc.update("""
                        update overpayment set recovered = recovered + ?, status = case when recovered + ? = amount then 'RECOVERED' else status end,
                               recovered_at = case when recovered + ? = amount then now() end where id = ?""",
                        amount, amount, amount, overpayment);
            });
        }
        audit.write(List.of(new Audit("PAYMENT_BATCH", number, "CONFIRM", actor, Instant.now(), null,
                Map.of("transfers", proposal.transfers.size(), "total", proposal.total().toPlainString(), "debtor", debtor.id()))));
        queueAfterCommit(id);
        return answer(proposal, debtor, number);
    }

    private Debtors.Debtor debtor(PaymentProposal.Criteria criteria) {
        if (criteria.debtor() != null) {
            return debtors.get(criteria.debtor()).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "no account " + criteria.debtor() + " in mappings/banks"));
        }
        return debtors.forCurrency("TND").orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "name the account to pay from (debtor)"));
    }

    private static Map<String, Object> answer(PaymentProposal proposal, Debtors.Debtor debtor, String number) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (number != null) {
            out.put("batchNumber", number);
        }
        out.put("debtor", debtor.id());
        out.put("format", debtor.format().name());
        out.put("currency", debtor.currency());
        out.put("transferCount", proposal.transfers.size());
        out.put("total", proposal.total());
        out.put("transfers", proposal.transfers.stream().map(t -> Map.of("payeeType", t.payeeType(), "payee", t.payee(),
                "amount", t.amount(), "payables", t.payables().size(), "recovered", t.recovered())).toList());
        out.put("held", proposal.held.stream().map(PaymentBatches::left).toList());
        out.put("carriedOver", proposal.carried.stream().map(PaymentBatches::left).toList());
        return out;
    }

    private static Map<String, Object> left(PaymentProposal.Left left) {
        return Map.of("payeeType", left.payeeType(), "payee", left.payee(), "payables", left.payablesTotal(), "reason", left.reason());
    }

    /** The broker gave up writing a batch's file: FAILED, for the desk to send again once the cause is fixed. */
    @Transactional
    public void markFailed(long id) {
        if (jdbc.update("update payment_batch set status = 'FAILED' where id = ? and status = 'CONFIRMED'", id) == 1) {
            log.warn("Payment batch {} could not be written to the bank: FAILED", id);
        }
    }

    @Transactional
    public Map<String, Object> resend(String number, String actor) {
        Long id = jdbc.query("select id from payment_batch where batch_number = ? and status = 'FAILED' for update",
                rs -> rs.next() ? rs.getLong(1) : null, number);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "payment batch " + number + " is not FAILED");
        }
        jdbc.update("update payment_batch set status = 'CONFIRMED', queued_at = null where id = ?", id);
        audit.write(List.of(new Audit("PAYMENT_BATCH", number, "RESEND", actor, Instant.now(), null, null)));
        queueAfterCommit(id);
        return jdbc.queryForMap("select batch_number, status from payment_batch where id = ?", id);
    }

    /** Batches confirmed but never queued (the hub stopped in between): queued now. */
    public void resendStuck() {
        jdbc.queryForList("select id from payment_batch where status = 'CONFIRMED' and queued_at is null "
                + "and created_at < now() - interval '1 minute'", Long.class).forEach(this::queue);
    }

    private void queueAfterCommit(long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue(id);
            }
        });
    }

    private void queue(long id) {
        try {
            producer.sendBody(queue, id);
            jdbc.update("update payment_batch set queued_at = now() where id = ?", id);
        } catch (RuntimeException e) {
            log.warn("Payment batch {} not queued ({}); the resend timer will queue it", id, e.getClass().getSimpleName());
        }
    }

}
