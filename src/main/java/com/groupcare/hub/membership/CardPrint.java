package com.groupcare.hub.membership;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The print file of a card batch: A4 sheets of eight cards (85 x 54 mm), each with the member's
 * name, matricule, the family's ranks, the policy, the validity and a QR code of the card number,
 * drawn as vectors. The embedded DejaVu font prints accented and Arabic letters.
 */
final class CardPrint {

    private static final float MM = 72f / 25.4f;
    private static final float WIDTH = 85 * MM;
    private static final float HEIGHT = 54 * MM;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private CardPrint() {
    }

    /** One card: its number, holder, policy, validity and the family's ranks and first names. */
    record Card(String cardNumber, String matricule, String lastName, String firstName, String policy, java.time.LocalDate validFrom,
                java.time.LocalDate validTo, List<Map.Entry<Integer, String>> family) {
    }

    static void write(Path target, String insurer, List<Card> cards) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, "/fonts/DejaVuSans.ttf");
            PDFont bold = font(doc, "/fonts/DejaVuSans-Bold.ttf");
            PDPageContentStream cs = null;
            for (int i = 0; i < cards.size(); i++) {
                if (i % 8 == 0) {
                    if (cs != null) {
                        cs.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    cs = new PDPageContentStream(doc, page);
                }
                float x = 15 * MM + (i % 2) * (WIDTH + 10 * MM);
                float y = PDRectangle.A4.getHeight() - 20 * MM - ((i % 8) / 2 + 1) * (HEIGHT + 6 * MM);
                card(cs, regular, bold, insurer, cards.get(i), x, y);
            }
            if (cs != null) {
                cs.close();
            }
            doc.save(target.toFile());
        }
    }

    private static void card(PDPageContentStream cs, PDFont regular, PDFont bold, String insurer, Card card, float x, float y)
            throws IOException {
        cs.addRect(x, y, WIDTH, HEIGHT);
        cs.stroke();
        text(cs, bold, 9, x + 8, y + HEIGHT - 14, "CARTE D'ASSURANCE MALADIE");
        text(cs, regular, 7, x + 8, y + HEIGHT - 24, insurer + " — police " + card.policy());
        text(cs, bold, 9, x + 8, y + HEIGHT - 40, card.firstName() + " " + card.lastName());
        text(cs, regular, 8, x + 8, y + HEIGHT - 52, "Matricule " + card.matricule() + " — carte " + card.cardNumber());
        text(cs, regular, 7, x + 8, y + HEIGHT - 63, "Valide du " + card.validFrom().format(DAY)
                + (card.validTo() == null ? "" : " au " + card.validTo().format(DAY)));
        float line = y + HEIGHT - 76;
        for (Map.Entry<Integer, String> member : card.family()) {
            if (line < y + 8) {
                break;
            }
            text(cs, regular, 6.5f, x + 8, line, String.format("Rang %02d  %s", member.getKey(), member.getValue()));
            line -= 8;
        }
        qr(cs, card.cardNumber(), x + WIDTH - 26 * MM, y + 5 * MM, 22 * MM);
    }

    private static void qr(PDPageContentStream cs, String content, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0);
        } catch (WriterException e) {
            throw new IOException("cannot encode card number " + content, e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    cs.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }

    private static void text(PDPageContentStream cs, PDFont font, float size, float x, float y, String text) throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(com.groupcare.hub.common.PrintedText.showable(text, font));
        cs.endText();
    }

    private static PDFont font(PDDocument doc, String resource) throws IOException {
        try (InputStream in = CardPrint.class.getResourceAsStream(resource)) {
            return PDType0Font.load(doc, in);
        }
    }
}
