package com.groupcare.hub.claim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.groupcare.hub.common.Money;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The PDF slip of a transmittal: a summary a person at the insurer can check and sign — counts of
 * forms and lines, totals by act family, the totals, the zero-valued claims with their reasons, a
 * place for signature and stamp. The detail is in the data file. Amounts right-aligned with
 * thousands separators; a Unicode font (DejaVu Sans, embedded) so accented and Arabic names print.
 */
record TransmittalSlip(String number, String policyNumber, String insurer, String currency, LocalDate date,
                       int forms, int lines, BigDecimal charged, BigDecimal expected, List<FamilyTotal> byFamily,
                       List<ZeroClaim> zeroValued) {

    /** Lines, charged and expected of one act family. */
    record FamilyTotal(String family, int lines, BigDecimal charged, BigDecimal expected) {
    }

    /** A claim valued at zero, and why. */
    record ZeroClaim(String claimNumber, String matricule, int rank, String beneficiary, String reasons) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final float LEFT = 50;
    private static final float RIGHT = 545;
    private static final float BOTTOM = 70;

    byte[] render() {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Writer w = new Writer(doc, font(doc, "/fonts/DejaVuSans.ttf"), font(doc, "/fonts/DejaVuSans-Bold.ttf"));
            w.line(w.bold, 14, LEFT, "BORDEREAU D'ENVOI " + number);
            w.line(w.regular, 10, LEFT, "Police " + policyNumber + " — " + insurer);
            w.line(w.regular, 10, LEFT, "Date " + date.format(DATE) + " — Devise " + currency);
            w.gap(8);
            w.line(w.bold, 11, LEFT, "Nombre de bulletins : " + forms);
            w.line(w.bold, 11, LEFT, "Nombre de lignes : " + lines);
            w.gap(8);
            w.row(w.bold, "Famille d'actes", "Lignes", "Engagé", "Estimé");
            for (FamilyTotal f : byFamily) {
                w.row(w.regular, f.family(), Integer.toString(f.lines()), amount(f.charged()), amount(f.expected()));
            }
            w.row(w.bold, "Total", Integer.toString(lines), amount(charged), amount(expected));
            w.gap(4);
            w.line(w.bold, 11, LEFT, "Total engagé : " + amount(charged) + " " + currency);
            w.line(w.bold, 11, LEFT, "Total estimé : " + amount(expected) + " " + currency);
            if (!zeroValued.isEmpty()) {
                w.gap(8);
                w.line(w.bold, 11, LEFT, "Bulletins à montant nul (" + zeroValued.size() + ")");
                for (ZeroClaim z : zeroValued) {
                    w.line(w.regular, 9, LEFT, z.claimNumber() + "  " + z.matricule() + "/" + z.rank() + "  "
                            + z.beneficiary() + "  : " + z.reasons());
                }
            }
            w.signature();
            w.close();
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

    /** 1 234 567,890 in the currency's minor unit. */
    private String amount(BigDecimal value) {
        int digits = Money.minorUnits(currency);
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.FRANCE);
        symbols.setGroupingSeparator(' ');
        DecimalFormat format = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), symbols);
        return format.format(Money.round(value == null ? BigDecimal.ZERO : value, currency));
    }

    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = TransmittalSlip.class.getResourceAsStream(resource)) {
            return PDType0Font.load(doc, in);
        }
    }

    /** Writes lines down the pages, starting a new page when one is full. */
    private static final class Writer {
        final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        PDPageContentStream cs;
        float y;
        int page;

        Writer(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            close();
            PDPage p = new PDPage(PDRectangle.A4);
            doc.addPage(p);
            cs = new PDPageContentStream(doc, p);
            page++;
            y = 800;
            if (page > 1) {
                text(regular, 8, LEFT, y, "(suite, page " + page + ")");
                y -= 16;
            }
        }

        void ensure(float height) throws IOException {
            if (y - height < BOTTOM) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void line(PDFont font, float size, float x, String text) throws IOException {
            ensure(size + 6);
            text(font, size, x, y, text);
            y -= size + 6;
        }

        /** A label and three right-aligned numbers. */
        void row(PDFont font, String label, String count, String charged, String expected) throws IOException {
            ensure(15);
            text(font, 9, LEFT, y, label);
            right(font, 9, 300, count);
            right(font, 9, 430, charged);
            right(font, 9, RIGHT, expected);
            y -= 15;
        }

        void signature() throws IOException {
            ensure(110);
            y -= 20;
            text(bold, 10, LEFT, y, "Pour l'assureur — reçu le : ____ / ____ / ________");
            y -= 24;
            text(regular, 10, LEFT, y, "Signature");
            text(regular, 10, 320, y, "Cachet");
            cs.addRect(LEFT, y - 70, 220, 60);
            cs.addRect(320, y - 70, 225, 60);
            cs.stroke();
            y -= 80;
        }

        void right(PDFont font, float size, float rightEdge, String text) throws IOException {
            text(font, size, rightEdge - font.getStringWidth(text) / 1000 * size, y, text);
        }

        void text(PDFont font, float size, float x, float at, String text) throws IOException {
            cs.beginText();
            cs.setFont(font, size);
            cs.newLineAtOffset(x, at);
            cs.showText(com.groupcare.hub.common.PrintedText.showable(text, font));
            cs.endText();
        }

        void close() throws IOException {
            if (cs != null) {
                cs.close();
            }
        }
    }
}
