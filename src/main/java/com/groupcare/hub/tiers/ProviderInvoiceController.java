package com.groupcare.hub.tiers;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What the providers' invoice files gave, for the desk: each file's lines by outcome, and the patients found by name only. */
@RestController
@Tag(name = "Provider invoices", description = "Tiers-payant invoice files: outcomes per line, beneficiaries identified by name")
public class ProviderInvoiceController {

    private final JdbcTemplate jdbc;

    ProviderInvoiceController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/provider-invoices/{exchangeId}")
    @Operation(summary = "An invoice file's lines with their outcome, code, amount accepted and claim, as acknowledged to the provider")
    public List<Map<String, Object>> lines(@PathVariable long exchangeId) {
        return jdbc.queryForList("""
                select line_no, record_type, invoice_number, provider_code, act_code, date_of_care, amount, status, code,
                       message, amount_accepted, currency, claim_number, claim_line_no
                from provider_invoice_line where exchange_id = ? order by line_no""", exchangeId);
    }

    /**
     * Accepted acts whose card did not match: the name and birth date found the beneficiary. The desk
     * contacts the member so the provider has the right card next time.
     */
    @GetMapping("/api/provider-invoices/flagged")
    @Operation(summary = "Accepted invoices whose beneficiary was found by name and birth date, not by card: to check with the member")
    public List<Map<String, Object>> flagged() {
        return jdbc.queryForList("""
                select e.file_name, l.line_no, l.invoice_number, l.provider_code, m.matricule, b.rank, l.claim_number,
                       l.amount_accepted
                from provider_invoice_line l join exchange e on e.id = l.exchange_id
                join beneficiary b on b.id = l.beneficiary_id join member m on m.id = b.member_id
                where l.identified_by = 'NAME' and l.record_type = 'INVOICE' and l.status = 'ACCEPTED'
                order by e.id, l.line_no""");
    }
}
