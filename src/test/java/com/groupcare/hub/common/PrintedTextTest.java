package com.groupcare.hub.common;

import java.io.InputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arabic names are joined and put in visual order before PDFBox draws them; other text is untouched;
 * what the font cannot draw never fails a document; CSV cells never start a formula.
 */
class PrintedTextTest {

    @Test
    void latinAndAccentedTextIsUntouched() {
        assertThat(PrintedText.visual("Aïcha BEN ZAÏED — Hédi")).isEqualTo("Aïcha BEN ZAÏED — Hédi");
    }

    @Test
    void arabicLettersTakeTheirJoinedFormsInVisualOrder() {
        // سامي: seen from the left, ي final (U+FEF2), م initial (U+FEE3: alef does not join to the left), ا final (U+FE8E), س initial (U+FEB3)
        assertThat(PrintedText.visual("سامي")).isEqualTo("\uFEF2\uFEE3\uFE8E\uFEB3");
        String mixed = PrintedText.visual("Rang 10  سامي");
        assertThat(mixed).startsWith("Rang 10  ").endsWith("\uFEF2\uFEE3\uFE8E\uFEB3");
    }

    @Test
    void whatTheFontCannotDrawIsReplacedInsteadOfFailingTheDocument() throws Exception {
        try (PDDocument doc = new PDDocument(); InputStream in = PrintedText.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
            PDFont font = PDType0Font.load(doc, in);
            assertThat(PrintedText.showable("BEN\tALI\r\nKarim\u0085", font)).isEqualTo("BEN ALI  Karim ");
            assertThat(PrintedText.showable("王 小明 x", font)).as("no CJK glyph in DejaVu Sans").isEqualTo("? ?? x");
            assertThat(PrintedText.showable("Aïcha سامي", font)).isEqualTo(PrintedText.visual("Aïcha سامي"));
            assertThat(PrintedText.showable(null, font)).isEmpty();
            font.encode(PrintedText.showable("王\t\u0001", font));
        }
    }

    @Test
    void aPartnersValueNeverStartsAFormulaNorSplitsALine() {
        assertThat(PlainText.spreadsheetSafe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(PlainText.spreadsheetSafe("+1")).isEqualTo("'+1");
        assertThat(PlainText.spreadsheetSafe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(PlainText.spreadsheetSafe("BEN-ALI")).isEqualTo("BEN-ALI");
        assertThat(PlainText.flat("A\rB\nC\u2028D")).isEqualTo("A B C D");
        assertThat(PlainText.hasControl("Aïcha بن عمر 王")).isFalse();
    }
}
