package com.groupcare.hub.payment;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.PdfLines;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where every amount paid comes from: transfer -> payables (net of the overpayments recovered) ->
 * the insurer's remittance lines -> claim lines -> claims -> member, with amounts that add up at each
 * step; the reverse, from a claim to the transfers that paid it; and the payment advice a payee gets.
 */
@Service
public class PaymentLineage {

    private final JdbcTemplate jdbc;

    PaymentLineage(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<String, Object> ofTransfer(long transferId) {
        Map<String, Object> transfer = jdbc.queryForList("""
                select t.id, t.end_to_end_id, b.batch_number, t.payee_type, t.payee, t.payee_name, t.amount, t.currency,
                       t.payables_total, t.recovered, t.status, t.status_reason
                from transfer t join payment_batch b on b.id = t.batch_id where t.id = ?""", transferId)
                .stream().findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no transfer " + transferId));
        List<Map<String, Object>> payables = jdbc.queryForList("""
                select p.id, p.exchange_id as remittance_exchange_id, p.amount, p.recovered, p.net_amount
                from payable p where p.transfer_id = ? order by p.id""", transferId);
        for (Map<String, Object> payable : payables) {
            payable.put("lines", jdbc.queryForList("""
                    select r.line_no as remittance_line_no, r.outcome, r.amount_paid, c.claim_number, cl.line_no as claim_line_no,
                           cl.act_code, cl.expected, c.date_of_care, m.matricule, b.rank
                    from remittance_line r join claim c on c.id = r.claim_id join claim_line cl on cl.id = r.claim_line_id
                    join member m on m.id = c.member_id join beneficiary b on b.id = c.beneficiary_id
                    where r.payable_id = ? order by r.line_no""", payable.get("id")));
        }
        List<Map<String, Object>> recoveries = jdbc.queryForList("""
                select o.id as overpayment_id, o.origin, r.amount from transfer_recovery r join overpayment o on o.id = r.overpayment_id
                where r.transfer_id = ? order by o.id""", transferId);
        BigDecimal net = sum(payables, "net_amount");
        BigDecimal recovered = sum(recoveries, "amount");
        boolean linesAddUp = payables.stream().allMatch(p -> sum((List<Map<String, Object>>) p.get("lines"), "amount_paid")
                .compareTo((BigDecimal) p.get("amount")) == 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transfer", transfer);
        out.put("payables", payables);
        out.put("recoveries", recoveries);
        out.put("addsUp", Map.of(
                "transferIsPayablesLessRecoveries", net.subtract(recovered).compareTo((BigDecimal) transfer.get("amount")) == 0,
                "eachPayableIsItsLines", linesAddUp));
        return out;
    }

    /** From a claim to what paid it: its lines, the insurer's answers, their payables and transfers. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> ofClaim(String claimNumber) {
        return jdbc.queryForList("""
                select cl.line_no as claim_line_no, cl.expected, r.exchange_id as remittance_exchange_id, r.line_no as remittance_line_no,
                       r.outcome, r.amount_paid, p.id as payable_id, p.payee_type, p.payee, t.id as transfer_id, t.end_to_end_id,
                       t.status as transfer_status
                from claim c join claim_line cl on cl.claim_id = c.id
                left join remittance_line r on r.claim_line_id = cl.id and r.outcome <> 'SUSPENSE'
                left join payable p on p.id = r.payable_id left join transfer t on t.id = p.transfer_id
                where c.claim_number = ? order by cl.line_no, r.id""", claimNumber);
    }

    /** The payee's payment advice: what is paid, for which claims, what was kept back for overpayments. */
    @Transactional(readOnly = true)
    @SuppressWarnings("unchecked")
    public byte[] advice(long transferId) throws IOException {
        Map<String, Object> lineage = ofTransfer(transferId);
        Map<String, Object> t = (Map<String, Object>) lineage.get("transfer");
        Path file = Files.createTempFile("advice-", ".pdf");
        try (PdfLines pdf = new PdfLines()) {
            pdf.title("AVIS DE VIREMENT " + t.get("end_to_end_id"));
            pdf.line("Bénéficiaire : " + t.get("payee_name") + " — lot " + t.get("batch_number")).gap();
            for (Map<String, Object> payable : (List<Map<String, Object>>) lineage.get("payables")) {
                for (Map<String, Object> line : (List<Map<String, Object>>) payable.get("lines")) {
                    pdf.line("Bulletin " + line.get("claim_number") + " ligne " + line.get("claim_line_no") + " — soins du "
                            + line.get("date_of_care") + ", acte " + line.get("act_code") + ", matricule " + line.get("matricule")
                            + " rang " + line.get("rank") + " : " + line.get("amount_paid") + " " + t.get("currency"));
                }
            }
            pdf.gap().line("Total des remboursements : " + t.get("payables_total") + " " + t.get("currency"));
            for (Map<String, Object> recovery : (List<Map<String, Object>>) lineage.get("recoveries")) {
                pdf.line("Retenue pour trop-perçu (" + recovery.get("origin") + ") : -" + recovery.get("amount") + " " + t.get("currency"));
            }
            pdf.bold("Montant viré : " + t.get("amount") + " " + t.get("currency"));
            pdf.save(file);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static BigDecimal sum(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(r -> (BigDecimal) r.get(column)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
