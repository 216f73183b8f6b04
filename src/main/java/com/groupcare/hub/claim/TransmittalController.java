package com.groupcare.hub.claim;

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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Transmittals", description = "Numbered batches of claims sent to the insurer (bordereaux d'envoi)")
public class TransmittalController {

    private final TransmittalService transmittals;
    private final JdbcTemplate jdbc;

    public TransmittalController(TransmittalService transmittals, JdbcTemplate jdbc) {
        this.transmittals = transmittals;
        this.jdbc = jdbc;
    }

    public record NewTransmittal(String policyNumber) {
    }

    @PostMapping("/api/transmittals")
    @Operation(summary = "Batch the contract's valued claims into a numbered transmittal and send its files to the insurer")
    public Map<String, Object> create(@RequestBody NewTransmittal request, Principal user) {
        return transmittals.create(request.policyNumber(), user.getName());
    }

    /** {@code insurerNeverReceivedIt}: the insurer confirmed an interrupted upload never reached it (a transmittal held for that). */
    public record Resend(boolean insurerNeverReceivedIt) {
    }

    @PostMapping("/api/transmittals/{number}/resend")
    @Operation(summary = "Send a FAILED transmittal again, once its cause is fixed: files the insurer's server already holds are "
            + "not uploaded twice; one held because the insurer may have taken it goes up only with insurerNeverReceivedIt")
    public Map<String, Object> resend(@PathVariable String number, @RequestBody(required = false) Resend resend, Principal user) {
        return transmittals.resend(number, resend != null && resend.insurerNeverReceivedIt(), user.getName());
    }

    @GetMapping("/api/transmittals/{number}")
    public Map<String, Object> get(@PathVariable String number) {
        Map<String, Object> t = jdbc.queryForList("""
                select transmittal_number, policy_number, currency, status, failure_reason, claim_count, total_expected,
                       data_exchange_id, slip_exchange_id, created_by, created_at, sent_at from transmittal where transmittal_number = ?""", number)
                .stream().findFirst().orElseThrow(() -> new ClaimNotFound("no transmittal " + number));
        List<String> claims = jdbc.queryForList("""
                select c.claim_number from claim c join transmittal t on t.id = c.transmittal_id
                where t.transmittal_number = ? order by c.claim_number""", String.class, number);
        t.put("claims", claims);
        return t;
    }
}
