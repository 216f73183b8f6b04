package com.groupcare.hub.remittance;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the insurer's remittances gave: per file by outcome, suspense, complaints, overpayments, payables by payee. */
@RestController
@Tag(name = "Remittances", description = "Insurer remittances: reconciliation, suspense, complaints, overpayments, payables")
public class RemittanceController {

    private final JdbcTemplate jdbc;
    private final Complaints complaints;

    public RemittanceController(JdbcTemplate jdbc, Complaints complaints) {
        this.jdbc = jdbc;
        this.complaints = complaints;
    }

    public record Text(String text) {
    }

    @GetMapping("/api/remittances/{exchangeId}")
    @Operation(summary = "A remittance file's lines by outcome, with amounts, and its suspense lines with their reason")
    public Map<String, Object> remittance(@PathVariable long exchangeId) {
        return Map.of("exchangeId", exchangeId,
                "outcomes", jdbc.queryForList("""
                        select outcome, count(*) as lines, sum(amount_paid) as paid, sum(expected) as expected
                        from remittance_line where exchange_id = ? group by outcome order by outcome""", exchangeId),
                "suspense", jdbc.queryForList("""
                        select line_no, suspense_reason, claim_number, claim_line_no, amount_paid from remittance_line
                        where exchange_id = ? and outcome = 'SUSPENSE' order by line_no limit 1000""", exchangeId),
                "payables", jdbc.queryForList("""
                        select payee_type, count(*) as payables, sum(lines) as lines, sum(amount) as amount,
                               sum(recovered) as recovered, sum(net_amount) as net_amount
                        from payable where exchange_id = ? group by payee_type order by payee_type""", exchangeId));
    }

    @GetMapping("/api/complaints")
    @Operation(summary = "Complaints, newest first, by contract, status (OPEN, SENT, ANSWERED, CLOSED) or claim")
    public List<Map<String, Object>> complaints(@RequestParam(required = false) String policyNumber,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String claimNumber,
                                                @RequestParam(defaultValue = "200") int limit) {
        return complaints.list(policyNumber, status, claimNumber, limit);
    }

    @PostMapping("/api/complaints/send")
    @Operation(summary = "Send the contract's open complaints to the insurer: a file in its layout and a PDF letter. A file "
            + "whose sending was interrupted goes first, the same file again; insurerNeverReceivedIt once the insurer confirmed "
            + "that a file held for that never reached it")
    public Map<String, Object> send(@RequestParam String policyNumber,
                                    @RequestParam(defaultValue = "false") boolean insurerNeverReceivedIt, Principal user) {
        return complaints.send(policyNumber, insurerNeverReceivedIt, user.getName());
    }

    @PostMapping("/api/complaints/{id}/answer")
    @Operation(summary = "Record the insurer's answer to a complaint")
    public Map<String, Object> answer(@PathVariable long id, @RequestBody Text answer, Principal user) {
        return complaints.answer(id, answer.text(), user.getName());
    }

    @PostMapping("/api/complaints/{id}/close")
    @Operation(summary = "Close a complaint with the reason (settled, abandoned...)")
    public Map<String, Object> close(@PathVariable long id, @RequestBody Text reason, Principal user) {
        return complaints.close(id, reason.text(), user.getName());
    }

    @GetMapping("/api/overpayments")
    @Operation(summary = "Overpayments (indus) with their origin, owed by member or provider, and what was recovered")
    public List<Map<String, Object>> overpayments(@RequestParam(defaultValue = "OPEN") String status) {
        return jdbc.queryForList("""
                select o.id, o.origin, o.policy_number, c.claim_number, o.payee_type, o.payee, o.amount, o.recovered, o.status,
                       o.created_at, o.recovered_at, r.exchange_id as remittance_exchange_id, r.line_no as remittance_line_no
                from overpayment o join claim c on c.id = o.claim_id join remittance_line r on r.id = o.remittance_line_id
                where o.status = ? order by o.id limit 1000""", status);
    }
}
