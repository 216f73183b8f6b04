package com.groupcare.hub.remittance;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letter that goes with a complaint file: to the insurer, one paragraph per disputed line
 * (claim, beneficiary, care, expected, paid, gap, reason) and the total claimed. Written with the
 * embedded DejaVu font so accented names print as they are.
 */
final class ComplaintLetter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private ComplaintLetter() {
    }

    static void write(Path target, String fileNumber, String insurer, String policy, String currency, List<Map<String, Object>> rows)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
            Page page = new Page(doc);
            page.line(bold, 14, "RÉCLAMATION " + fileNumber);
            page.line(regular, 10, "À l'attention de " + insurer + " — contrat " + policy + " — le " + LocalDate.now().format(DAY));
            page.line(regular, 10, "Nous contestons les remboursements suivants, écarts au-delà de la tolérance du contrat :");
            page.gap();
            BigDecimal total = BigDecimal.ZERO;
            for (Map<String, Object> row : rows) {
                page.line(bold, 10, "Réclamation " + row.get("id") + " — bulletin " + row.get("claim_number") + ", ligne "
                        + row.get("line_no") + " (bordereau " + row.get("transmittal_number") + ")");
                page.line(regular, 10, "Bénéficiaire : " + row.get("first_name") + " " + row.get("last_name") + ", matricule "
                        + row.get("matricule") + ", rang " + row.get("rank") + " — soins du "
                        + ((java.sql.Date) row.get("date_of_care")).toLocalDate().format(DAY) + ", acte " + row.get("act_code"));
                page.line(regular, 10, "Estimé " + row.get("expected") + " " + currency + ", remboursé " + row.get("paid") + " "
                        + currency + ", écart " + row.get("difference") + " " + currency + " — " + row.get("reason"));
                page.gap();
                total = total.add(((BigDecimal) row.get("difference")).negate());
            }
            page.line(bold, 11, "Nombre de lignes contestées : " + rows.size() + " — montant réclamé : " + total.toPlainString()
                    + " " + currency);
            page.gap();
            page.line(regular, 10, "Le Service Social — Signature et cachet");
            page.close();
            doc.save(target.toFile());
        }
    }

    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = ComplaintLetter.class.getResourceAsStream(resource)) {
            return PDType0Font.load(doc, in);
        }
    }

    /** Lines down A4 pages, a new page when one is full. */
    private static final class Page {
        private final PDDocument doc;
        private PDPageContentStream cs;
        private float y;

        Page(PDDocument doc) throws IOException {
            this.doc = doc;
            next();
        }

        private void next() throws IOException {
            close();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            cs = new PDPageContentStream(doc, page);
            y = 800;
        }

        void line(PDFont font, float size, String text) throws IOException {
            if (y < 60) {
                next();
            }
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(50, y);
            cs.showText(com.groupcare.hub.common.PrintedText.visual(text));
            cs.endText();
            y -= size + 5;
        }

        void gap() {
            y -= 6;
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
            }
        }
    }
}
