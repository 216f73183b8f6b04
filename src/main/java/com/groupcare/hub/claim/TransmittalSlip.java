package com.groupcare.hub.claim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Money;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The PDF slip of a transmittal: header, one line per claim, count and totals (PDFBox). */
record TransmittalSlip(String number, String policyNumber, String insurer, String currency, LocalDate date,
                       List<Map<String, Object>> claims, BigDecimal totalExpected) {

    private static final int LINES_PER_PAGE = 40;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    byte[] render() {
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        BigDecimal charged = claims.stream().map(c -> (BigDecimal) c.get("total_charged")).reduce(BigDecimal.ZERO, BigDecimal::add);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int pages = Math.max(1, (claims.size() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    float y = 800;
                    y = text(cs, bold, 14, 50, y, "BORDEREAU D'ENVOI " + number);
                    y = text(cs, regular, 10, 50, y - 4, "Police " + policyNumber + " - " + insurer);
                    y = text(cs, regular, 10, 50, y, "Date " + date.format(DATE) + " - Devise " + currency
                            + " - Page " + (p + 1) + "/" + pages);
                    y = row(cs, bold, y - 10, "Bulletin", "Matricule", "Rang", "Date soins", "Prestataire", "Engage", "Estime");
                    for (Map<String, Object> c : claims.subList(p * LINES_PER_PAGE, Math.min(claims.size(), (p + 1) * LINES_PER_PAGE))) {
                        y = row(cs, regular, y, (String) c.get("claim_number"), (String) c.get("matricule"),
                                String.valueOf(c.get("rank")), ((java.sql.Date) c.get("date_of_care")).toLocalDate().format(DATE),
                                String.valueOf(c.get("provider_code")), amount((BigDecimal) c.get("total_charged")),
                                amount((BigDecimal) c.get("total_expected")));
                    }
                    if (p == pages - 1) {
                        y = text(cs, bold, 11, 50, y - 12, "Nombre de bulletins : " + claims.size());
                        y = text(cs, bold, 11, 50, y, "Total engage : " + amount(charged) + " " + currency);
                        text(cs, bold, 11, 50, y, "Total estime : " + amount(totalExpected) + " " + currency);
                    }
                }
            }
            // a fixed document id: the same transmittal always gives the same bytes (and one exchange record)
            byte[] id = java.security.MessageDigest.getInstance("MD5").digest(number.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            org.apache.pdfbox.cos.COSArray ids = new org.apache.pdfbox.cos.COSArray();
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            ids.add(new org.apache.pdfbox.cos.COSString(id));
            doc.getDocument().getTrailer().setItem(org.apache.pdfbox.cos.COSName.ID, ids);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the slip of transmittal " + number, e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String amount(BigDecimal value) {
        return Money.round(value, currency).toPlainString();
    }

    private static float row(PDPageContentStream cs, PDType1Font font, float y, String... cells) throws IOException {
        float[] x = {50, 150, 225, 260, 330, 420, 490};
        for (int i = 0; i < cells.length; i++) {
            text(cs, font, 9, x[i], y, cells[i]);
        }
        return y - 16;
    }

    private static float text(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(winAnsi(text));
        cs.endText();
        return y - size - 6;
    }

    /** The standard PDF fonts know only WinAnsi: accents are dropped, anything else becomes '?'. */
    private static String winAnsi(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
