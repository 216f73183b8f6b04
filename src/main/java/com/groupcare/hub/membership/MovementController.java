package com.groupcare.hub.membership;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Membership movements and cards to the insurers: send now, batches, what the insurer rejected, card batches and replacements. */
@RestController
@Tag(name = "Movements", description = "Membership movements (avenants) sent to the insurers and their acknowledgements")
public class MovementController {

    private final MovementBatches batches;
    private final CardBatches cards;
    private final JdbcTemplate jdbc;

    public MovementController(MovementBatches batches, CardBatches cards, JdbcTemplate jdbc) {
        this.batches = batches;
        this.cards = cards;
        this.jdbc = jdbc;
    }

    public record Replacement(String reason) {
    }

    @PostMapping("/api/cards/batches")
    @Operation(summary = "Print the contract's cards to issue and list those to revoke: a numbered batch to the insurer's outbox")
    public Map<String, Object> cardBatch(@RequestParam String policyNumber, Principal user) {
        return cards.create(policyNumber, user.getName());
    }

    @PostMapping("/api/members/{matricule}/cards/replace")
    @Operation(summary = "Replace a member's card (lost, stolen, damaged): the old one is revoked, a new one issued in the next batch")
    public Map<String, Object> replaceCard(@PathVariable String matricule, @org.springframework.web.bind.annotation.RequestBody Replacement request,
                                           Principal user) {
        return cards.replace(matricule, request.reason(), user.getName());
    }

    @PostMapping("/api/movements/send")
    @Operation(summary = "Send the contract's movements not yet sent to its insurer now (a numbered batch; nothing twice)")
    public Map<String, Object> send(@RequestParam String policyNumber, Principal user) {
        return batches.create(policyNumber, user.getName());
    }

    @GetMapping("/api/movements/batches")
    @Operation(summary = "The contract's movement batches, newest first")
    public List<Map<String, Object>> list(@RequestParam String policyNumber) {
        return jdbc.queryForList("""
                select batch_number, status, movement_count, file_name, exchange_id, created_by, created_at, sent_at, failure_reason,
                       (select count(*) from movement_dispatch d where d.batch_id = b.id and d.status = 'ACCEPTED') as accepted,
                       (select count(*) from movement_dispatch d where d.batch_id = b.id and d.status = 'REJECTED') as rejected
                from movement_batch b where policy_number = ? order by id desc limit 200""", policyNumber);
    }

    @GetMapping("/api/movements/rejected")
    @Operation(summary = "Movements the insurer rejected, with its reason, for the desk to correct and send again")
    public List<Map<String, Object>> rejected(@RequestParam String policyNumber) {
        return jdbc.queryForList("""
                select d.id as reference, mv.movement_type, mv.effective_date, m.matricule, coalesce(b.rank, 0) as rank,
                       d.insurer_code, d.insurer_label, d.acked_at
                from movement_dispatch d join membership_movement mv on mv.id = d.movement_id join member m on m.id = mv.member_id
                left join beneficiary b on b.id = mv.beneficiary_id
                where d.policy_number = ? and d.status = 'REJECTED' order by d.id""", policyNumber);
    }

    @PostMapping("/api/movements/{reference}/resend")
    @Operation(summary = "A rejected movement, corrected, goes in the contract's next batch")
    public Map<String, Object> resend(@PathVariable long reference, Principal user) {
        return batches.sendAgain(reference, user.getName());
    }

    @PostMapping("/api/movements/batches/{number}/resend")
    @Operation(summary = "Write a FAILED batch again, once the cause is fixed")
    public Map<String, Object> resendBatch(@PathVariable String number, Principal user) {
        return batches.resend(number, user.getName());
    }
}
