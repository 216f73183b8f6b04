package com.groupcare.hub.common;

import java.util.regex.Pattern;

/**
 * Partners' text as the hub lets it in and writes it out: one line, no control characters, and
 * never a spreadsheet formula in a CSV cell someone may open in a spreadsheet.
 */
public final class PlainText {

    /** C0 controls (NUL, TAB, CR, LF...), DEL, C1 controls, and the Unicode line and paragraph separators. */
    public static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]");

    private PlainText() {
    }

    public static boolean hasControl(String text) {
        return text != null && CONTROL.matcher(text).find();
    }

    /** The text with each control character as a space (a name can never split a record or a printed line); null as empty. */
    public static String flat(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll(" ");
    }

    /** A value from a partner's data never starts a spreadsheet formula when the file is opened in one: it gets a leading apostrophe. */
    public static String spreadsheetSafe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * Text an XML file can carry: control characters as spaces, no noncharacter (U+FFFE, U+FFFF) nor lone
     * surrogate, cut at {@code max} characters without splitting one in two (ISO 20022 Max140Text).
     */
    public static String xmlSafe(String text, int max) {
        StringBuilder out = new StringBuilder();
        flat(text).codePoints()
                .filter(c -> c != 0xFFFE && c != 0xFFFF && (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE))
                .limit(max).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Text for a bank's fixed-width file, one byte a character: accents dropped (é -> e), anything else not ASCII as '?'. */
    public static String ascii(String text) {
        String decomposed = java.text.Normalizer.normalize(flat(text), java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> out.append(c < 0x80 ? (char) c : '?'));
        return out.toString();
    }
}
