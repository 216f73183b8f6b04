package com.groupcare.hub.common;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;

/**
 * Text as a PDF must draw it. PDFBox draws the characters it is given, left to right: Arabic
 * letters must first take their joined forms (initial, medial, final) and right-to-left runs be put
 * in visual order, or a name prints as separate letters backwards. Latin text is returned as is.
 */
public final class PrintedText {

    private PrintedText() {
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
