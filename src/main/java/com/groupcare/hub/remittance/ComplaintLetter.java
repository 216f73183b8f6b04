package com.groupcare.hub.remittance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.PdfLines;

/**
 * The letter that goes with a complaint file: to the insurer, one paragraph per disputed line
 * (claim, beneficiary, care, expected, paid, gap, reason) and the total claimed, with the embedded
 * Unicode font so accented and Arabic names print as they are.
 */
final class ComplaintLetter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ComplaintLetter() {
    }

    static void write(Path target, String fileNumber, String insurer, String policy, String currency, List<Map<String, Object>> rows)
            throws IOException {
        try (PdfLines pdf = new PdfLines()) {
            pdf.title("RÉCLAMATION " + fileNumber);
            pdf.line("À l'attention de " + insurer + " — contrat " + policy + " — le " + LocalDate.now().format(DAY));
            pdf.line("Nous contestons les remboursements suivants, écarts au-delà de la tolérance du contrat :").gap();
            BigDecimal total = BigDecimal.ZERO;
            for (Map<String, Object> row : rows) {
                pdf.bold("Réclamation " + row.get("id") + " — bulletin " + row.get("claim_number") + ", ligne "
                        + row.get("line_no") + " (bordereau " + row.get("transmittal_number") + ")");
                pdf.line("Bénéficiaire : " + row.get("first_name") + " " + row.get("last_name") + ", matricule "
                        + row.get("matricule") + ", rang " + row.get("rank") + " — soins du "
                        + ((java.sql.Date) row.get("date_of_care")).toLocalDate().format(DAY) + ", acte " + row.get("act_code"));
                pdf.line("Estimé " + row.get("expected") + " " + currency + ", remboursé " + row.get("paid") + " "
                        + currency + ", écart " + row.get("difference") + " " + currency + " — " + row.get("reason")).gap();
                total = total.add(((BigDecimal) row.get("difference")).negate());
            }
            pdf.bold("Nombre de lignes contestées : " + rows.size() + " — montant réclamé : " + total.toPlainString() + " " + currency);
            pdf.gap().line("Le Service Social — Signature et cachet");
            pdf.save(target);
        }
    }
}
