package com.groupcare.hub.exchange;

/**
 * A line as read from a file: its number (header = 1), its text, whether its bytes were valid
 * UTF-8, and whether it was over the line limit (the text is then only its beginning).
 */
public record RawLine(int lineNo, String text, boolean badEncoding, boolean tooLong) {

    public RawLine(int lineNo, String text, boolean badEncoding) {
        this(lineNo, text, badEncoding, false);
    }
}
