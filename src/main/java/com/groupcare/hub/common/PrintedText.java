package com.groupcare.hub.common;

import java.io.IOException;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text as a PDF must draw it. PDFBox draws the characters it is given, left to right: Arabic
 * letters must first take their joined forms (initial, medial, final) and right-to-left runs be put
 * in visual order, or a name prints as separate letters backwards. Latin text is returned as is.
 */
public final class PrintedText {

    private PrintedText() {
    }

    /**
     * The text as {@code font} can draw it, never an error: control characters (a TAB or CR from a
     * partner's file) become spaces, Arabic is shaped and ordered, and a character the font has no
     * glyph for (a CJK name in DejaVu Sans) becomes "?" (an invisible format mark is dropped).
     * PDFBox would otherwise throw, failing a whole card batch or payment advice for one name.
     */
    public static String showable(String text, PDFont font) {
        String visual = visual(PlainText.flat(text));
        StringBuilder out = new StringBuilder(visual.length());
        visual.codePoints().forEach(cp -> {
            if (hasGlyph(font, cp)) {
                out.appendCodePoint(cp);
            } else if (Character.getType(cp) != Character.FORMAT) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static boolean hasGlyph(PDFont font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false; // the exception's message quotes the character: it stays out of any log
        }
    }

    public static String visual(String text) {
        if (text == null || text.chars().noneMatch(c -> c >= 0x0590 && c <= 0x08FF)) {
            return text;
        }
        try {
            String shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL).shape(text);
            Bidi bidi = new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR);
            return bidi.writeReordered(Bidi.DO_MIRRORING);
        } catch (ArabicShapingException e) {
            return text;
        }
    }
}
