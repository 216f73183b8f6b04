package com.groupcare.hub.membership;

/** A line as read from the file: its number (header = 1), its text, and whether its bytes were valid UTF-8. */
public record RawLine(int lineNo, String text, boolean badEncoding) {
}
