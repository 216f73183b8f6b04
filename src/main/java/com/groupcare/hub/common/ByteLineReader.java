package com.groupcare.hub.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a file line by line as bytes and decodes each line strictly as UTF-8, so one badly
 * encoded line is reported on its own instead of spoiling the whole file. Memory stays flat.
 */
public final class ByteLineReader implements AutoCloseable {

    /** One decoded line; {@code valid} is false when its bytes were not UTF-8 (the text then has replacement characters). */
    public record Line(String text, boolean valid) {
    }

    private final InputStream in;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private boolean first = true;

    public ByteLineReader(InputStream in) {
        this.in = in.markSupported() ? in : new java.io.BufferedInputStream(in, 64 * 1024);
    }

    /** The next line without its end of line, or null at the end of the file. */
    public Line next() throws IOException {
        buffer.reset();
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                break;
            }
            buffer.write(b);
        }
        if (!any) {
            return null;
        }
        byte[] bytes = buffer.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        int start = 0;
        if (first && length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        first = false;
        try {
            return new Line(strict.decode(ByteBuffer.wrap(bytes, start, length - start)).toString(), true);
        } catch (CharacterCodingException e) {
            return new Line(new String(bytes, start, length - start, StandardCharsets.UTF_8), false);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
