package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.PgCopy;
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
    private final com.groupcare.hub.exchange.OutboundUploads uploads;
    private final com.groupcare.hub.common.QueuedAfterCommit queue;

    PaymentBatches(JdbcTemplate jdbc, Debtors debtors, AuditLog audit, com.groupcare.hub.exchange.OutboundUploads uploads,
                   @Lazy ProducerTemplate producer, @Value("${hub.payments.files-queue-uri}") String queue) {
        this.jdbc = jdbc;
        this.debtors = debtors;
        this.audit = audit;
        this.uploads = uploads;
        this.queue = new com.groupcare.hub.common.QueuedAfterCommit(producer, jdbc, queue, "payment_batch");
    }

    @Transactional(readOnly = true)
    public Map<String, Object> preview(PaymentProposal.Criteria criteria) {
        Debtors.Debtor debtor = debtor(criteria);
        Summary summary = new Summary(null);
        PaymentProposal.stream(jdbc, criteria, debtor.currency(), false, summary);
        return summary.answer(debtor, null);
    }

    @Transactional
    public Map<String, Object> confirm(PaymentProposal.Criteria criteria, String actor) {
        Debtors.Debtor debtor = debtor(criteria);
        long id = jdbc.queryForObject("select nextval('payment_batch_id_seq')", Long.class);
        String number = String.format("PAY-%06d", id);
        LocalDate execution = criteria.executionDate() == null ? LocalDate.now().plusDays(1) : criteria.executionDate();
        jdbc.update("""
                insert into payment_batch (id, batch_number, debtor, file_format, execution_date, currency, criteria, status,
                                           transfer_count, total, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', 0, 0, ?, date_trunc('second', now()))""",
                id, number, debtor.id(), debtor.format().name(), execution, debtor.currency(), criteria.toString(), actor);
        Writer writer = new Writer(id, number, debtor.currency());
        Summary summary = new Summary(writer);
        PaymentProposal.stream(jdbc, criteria, debtor.currency(), true, summary);
        writer.flush();
        if (summary.count == 0) {
            jdbc.update("delete from payment_batch where id = ?", id);
            return summary.answer(debtor, null);
        }
        jdbc.update("update payment_batch set transfer_count = ?, total = ? where id = ?", summary.count, summary.total, id);
        audit.write(List.of(new Audit("PAYMENT_BATCH", number, "CONFIRM", actor, Instant.now(), null,
                Map.of("transfers", summary.count, "total", summary.total.toPlainString(), "debtor", debtor.id()))));
        queue.afterCommit(id);
        return summary.answer(debtor, number);
    }

    /** Counts and totals the transfers, keeps the first ones to show, every payee held back or carried over. */
    private static final class Summary implements PaymentProposal.Sink {
        private static final int SHOWN = 1000;
        private final Writer writer;
        private final List<Map<String, Object>> transfers = new java.util.ArrayList<>();
        private final List<Map<String, Object>> held = new java.util.ArrayList<>();
        private final List<Map<String, Object>> carried = new java.util.ArrayList<>();
        private int count;
        private BigDecimal total = BigDecimal.ZERO;

        Summary(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void transfer(PaymentProposal.Transfer t) {
            count++;
            total = total.add(t.amount());
            if (transfers.size() < SHOWN) {
                transfers.add(Map.of("payeeType", t.payeeType(), "payee", t.payee(), "amount", t.amount(),
                        "payables", t.payables().size(), "recovered", t.recovered()));
            }
            if (writer != null) {
                writer.add(t);
            }
        }

        @Override
        public void left(PaymentProposal.Left left, boolean isHeld) {
            (isHeld ? held : carried).add(Map.of("payeeType", left.payeeType(), "payee", left.payee(), "payables",
                    left.payablesTotal(), "reason", left.reason()));
        }

        Map<String, Object> answer(Debtors.Debtor debtor, String number) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (number != null) {
                out.put("batchNumber", number);
            }
            out.put("debtor", debtor.id());
            out.put("format", debtor.format().name());
            out.put("currency", debtor.currency());
            out.put("transferCount", count);
            out.put("total", total);
            out.put("transfers", transfers);
            out.put("transfersShown", transfers.size());
            out.put("held", held);
            out.put("carriedOver", carried);
            return out;
        }
    }

    /** Transfers, payables taken, overpayments recovered: written set-based, a few thousand at a time. */
    private final class Writer {
        private static final int BLOCK = 5000;
        private final long batch;
        private final String number;
        private final String currency;
        private final List<PaymentProposal.Transfer> pending = new java.util.ArrayList<>();

        Writer(long batch, String number, String currency) {
            this.batch = batch;
            this.number = number;
            this.currency = currency;
        }

        void add(PaymentProposal.Transfer t) {
            pending.add(t);
            if (pending.size() == BLOCK) {
                flush();
            }
        }

        void flush() {
            if (!pending.isEmpty()) {
                write(batch, number, currency, pending);
                pending.clear();
            }
        }
    }

    /** Transfers, payables taken, overpayments recovered: set-based (a batch can hold 100,000 transfers). */
    private void write(long batch, String number, String currency, List<PaymentProposal.Transfer> transfers) {
        List<Long> ids = jdbc.queryForList("select nextval('transfer_id_seq') from generate_series(1, ?)", Long.class, transfers.size());
        java.util.Iterator<Long> next = ids.iterator();
        List<Object[]> rows = new java.util.ArrayList<>();
        List<Long> payables = new java.util.ArrayList<>();
        List<Long> payableTransfers = new java.util.ArrayList<>();
        List<Object[]> recoveries = new java.util.ArrayList<>();
        for (PaymentProposal.Transfer t : transfers) {
            long transfer = next.next();
            rows.add(new Object[] {transfer, batch, number + "-" + transfer, t.payeeType(), t.payee(), t.name(), t.account(), t.amount(),
                    currency, t.payablesTotal(), t.recovered(), "SENT"});
            t.payables().forEach(p -> {
                payables.add(p);
                payableTransfers.add(transfer);
            });
            t.recoveries().forEach((overpayment, amount) -> recoveries.add(new Object[] {transfer, overpayment, amount}));
        }
        PgCopy.insert(jdbc, "transfer", "id, batch_id, end_to_end_id, payee_type, payee, payee_name, account, amount, currency, "
                + "payables_total, recovered, status", rows, r -> r);
        jdbc.update("update payable p set status = 'BATCHED', transfer_id = x.transfer_id, updated_at = now() "
                + "from unnest(?::bigint[], ?::bigint[]) as x(id, transfer_id) where p.id = x.id",
                payables.toArray(Long[]::new), payableTransfers.toArray(Long[]::new));
        PgCopy.insert(jdbc, "transfer_recovery", "transfer_id, overpayment_id, amount", recoveries, r -> r);
        jdbc.update("update overpayment o set recovered = o.recovered + x.amount, "
                + "status = case when o.recovered + x.amount = o.amount then 'RECOVERED' else o.status end, "
                + "recovered_at = case when o.recovered + x.amount = o.amount then now() end "
                + "from unnest(?::bigint[], ?::numeric[]) as x(id, amount) where o.id = x.id",
                recoveries.stream().map(r -> (Long) r[1]).toArray(Long[]::new),
                recoveries.stream().map(r -> (BigDecimal) r[2]).toArray(BigDecimal[]::new));
    }

    /** Criteria a bank or the database would refuse are refused here, with the reason. */
    private static void check(PaymentProposal.Criteria c) {
        String problem = null;
        if (c.payeeType() != null && !c.payeeType().equals("MEMBER") && !c.payeeType().equals("PROVIDER")) {
            problem = "payeeType is MEMBER or PROVIDER";
        } else if (c.minAmount() != null && c.minAmount().signum() < 0) {
            problem = "minAmount cannot be negative";
        } else if (c.executionDate() != null && c.executionDate().isBefore(LocalDate.now())) {
            problem = "the execution date " + c.executionDate() + " is in the past";
        } else if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
            problem = "to is before from";
        }
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
        }
    }

    private Debtors.Debtor debtor(PaymentProposal.Criteria criteria) {
        check(criteria);
        if (criteria.debtor() != null) {
            return debtors.get(criteria.debtor()).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "no account " + criteria.debtor() + " in mappings/banks"));
        }
        return debtors.forCurrency("TND").orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "name the account to pay from (debtor)"));
    }

    /** The broker gave up writing a batch's file: FAILED, for the desk to send again once the cause is fixed. */
    @Transactional
    public void markFailed(long id) {
        if (jdbc.update("update payment_batch set status = 'FAILED', failure_reason = 'the broker gave up writing its file' "
                + "where id = ? and status = 'CONFIRMED'", id) == 1) {
            log.warn("Payment batch {} could not be written to the bank: FAILED", id);
        }
    }

    /**
     * Sends a FAILED batch again. Its file is looked for on the bank's server first, as on every attempt:
     * found there, the batch is SENT without a second upload. {@code bankNeverReceivedIt}: the desk checked
     * with the bank that an interrupted upload never reached it (the batch was held for that), so the
     * file goes up even though the hub cannot see whether the bank took it.
     */
    @Transactional
    public Map<String, Object> resend(String number, boolean bankNeverReceivedIt, String actor) {
        Long id = jdbc.query("select id from payment_batch where batch_number = ? and status = 'FAILED' for update",
                rs -> rs.next() ? rs.getLong(1) : null, number);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "payment batch " + number + " is not FAILED");
        }
        jdbc.update("update payment_batch set status = 'CONFIRMED', queued_at = null, failure_reason = null where id = ?", id);
        if (bankNeverReceivedIt) {
            uploads.forget(PaymentFiles.FLOW, number);
        }
        audit.write(List.of(new Audit("PAYMENT_BATCH", number, "RESEND", actor, Instant.now(), null,
                bankNeverReceivedIt ? Map.of("bankNeverReceivedIt", true) : null)));
        queue.afterCommit(id);
        return jdbc.queryForMap("select batch_number, status from payment_batch where id = ?", id);
    }

    /** Batches confirmed but never queued (the hub stopped in between): queued now. */
    public void resendStuck() {
        queue.queueStuck("CONFIRMED");
    }


}
