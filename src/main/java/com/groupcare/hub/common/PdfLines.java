package com.groupcare.hub.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A simple A4 document written line after line (letters, advices): the embedded DejaVu fonts, a
 * new page when one is full, Arabic shaped and ordered, control characters and characters the font
 * cannot draw replaced rather than failing the document ({@link PrintedText}).
 */
public final class PdfLines implements AutoCloseable {

    private final PDDocument doc = new PDDocument();
    private final PDFont regular;
    private final PDFont bold;
    private PDPageContentStream cs;
    private float y;

    public PdfLines() throws IOException {
        regular = font("/fonts/DejaVuSans.ttf");
        bold = font("/fonts/DejaVuSans-Bold.ttf");
        next();
    }

    public PdfLines title(String text) throws IOException {
        return write(bold, 14, text);
    }

    public PdfLines bold(String text) throws IOException {
        return write(bold, 10, text);
    }

    public PdfLines line(String text) throws IOException {
        return write(regular, 10, text);
    }

    public PdfLines gap() {
        y -= 6;
        return this;
    }

    public void save(Path target) throws IOException {
        cs.close();
        cs = null;
        doc.save(target.toFile());
    }

    @Override
    public void close() throws IOException {
        if (cs != null) {
            cs.close();
        }
        doc.close();
    }

    private PdfLines write(PDFont font, float size, String text) throws IOException {
        if (y < 60) {
            next();
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(50, y);
        cs.showText(PrintedText.showable(text, font));
        cs.endText();
        y -= size + 5;
        return this;
    }

    private void next() throws IOException {
        if (cs != null) {
            cs.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = 800;
    }

    private PDFont font(String resource) throws IOException {
        try (InputStream in = PdfLines.class.getResourceAsStream(resource)) {
            return PDType0Font.load(doc, in);
        }
    }
}
