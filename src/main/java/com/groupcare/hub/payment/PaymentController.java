package com.groupcare.hub.payment;

import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Payment batches: preview what criteria would pay, confirm, look at a batch and its transfers. */
@RestController
@Tag(name = "Payments", description = "Bank transfers to members and providers: batches, files, held payees")
public class PaymentController {

    private final PaymentBatches batches;
    private final PaymentLineage lineage;
    private final JdbcTemplate jdbc;

    public PaymentController(PaymentBatches batches, PaymentLineage lineage, JdbcTemplate jdbc) {
        this.batches = batches;
        this.lineage = lineage;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/payments/transfers/{id}/lineage")
    @Operation(summary = "Transfer -> payables -> remittance lines -> claim lines -> claims -> member, amounts adding up")
    public Map<String, Object> lineage(@PathVariable long id) {
        return lineage.ofTransfer(id);
    }

    @GetMapping("/api/payments/claims/{claimNumber}")
    @Operation(summary = "From a claim to the transfers that paid it")
    public List<Map<String, Object>> claim(@PathVariable String claimNumber) {
        return lineage.ofClaim(claimNumber);
    }

    @GetMapping(value = "/api/payments/transfers/{id}/advice", produces = "application/pdf")
    @Operation(summary = "The payee's payment advice (PDF): what is paid, for which claims")
    public byte[] advice(@PathVariable long id) throws java.io.IOException {
        return lineage.advice(id);
    }

    /** The desk's criteria, all optional: payables made from/to, MEMBER or PROVIDER, contract, payee's bank code, minimum per transfer. */
    public record Criteria(LocalDate from, LocalDate to, String payeeType, String policyNumber, String bank, BigDecimal minAmount,
                           String debtor, LocalDate executionDate) {

        PaymentProposal.Criteria toProposal() {
            return new PaymentProposal.Criteria(from, to, payeeType, policyNumber, bank, minAmount, debtor, executionDate);
        }
    }

    @GetMapping("/api/payments/held")
    @Operation(summary = "Payees whose payables wait: account missing or invalid (held back) or nothing left to pay (carried over), with the reason")
    public Map<String, Object> held() {
        Map<String, Object> all = batches.preview(new PaymentProposal.Criteria(null, null, null, null, null, null, null, null));
        return Map.of("held", all.get("held"), "carriedOver", all.get("carriedOver"));
    }

    @PostMapping("/api/payments/batches/preview")
    @Operation(summary = "What these criteria would pay: transfers per payee, payees held back (account) or carried over, with reasons")
    public Map<String, Object> preview(@RequestBody Criteria criteria) {
        return batches.preview(criteria.toProposal());
    }

    @PostMapping("/api/payments/batches/confirm")
    @Operation(summary = "Make the batch: one transfer per payee, each payable paid once; its bank file goes to the bank")
    public Map<String, Object> confirm(@RequestBody Criteria criteria, Principal user) {
        return batches.confirm(criteria.toProposal(), user.getName());
    }

    @GetMapping("/api/payments/batches/{number}")
    public Map<String, Object> batch(@PathVariable String number) {
        Map<String, Object> batch = jdbc.queryForMap("""
                select id, batch_number, debtor, file_format, execution_date, currency, status, failure_reason, transfer_count, total,
                       file_name, exchange_id, created_by, created_at, sent_at from payment_batch where batch_number = ?""", number);
        List<Map<String, Object>> transfers = jdbc.queryForList("""
                select t.id, t.end_to_end_id, t.payee_type, t.payee, t.amount, t.payables_total, t.recovered, t.status
                from transfer t where t.batch_id = ? order by t.id""", batch.get("id"));
        batch.put("transfers", transfers);
        return batch;
    }

    /** {@code bankNeverReceivedIt}: the bank confirmed an interrupted upload never reached it (a batch held for that). */
    public record Resend(boolean bankNeverReceivedIt) {
    }

    @PostMapping("/api/payments/batches/{number}/resend")
    @Operation(summary = "Send a FAILED batch again: a file the bank's server already holds is not uploaded twice; a batch held "
            + "because its file may have reached the bank goes up only with bankNeverReceivedIt, once the bank confirmed it")
    public Map<String, Object> resend(@PathVariable String number, @RequestBody(required = false) Resend resend, Principal user) {
        return batches.resend(number, resend != null && resend.bankNeverReceivedIt(), user.getName());
    }
}
