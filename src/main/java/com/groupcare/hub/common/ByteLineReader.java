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
 * encoded line is reported on its own instead of spoiling the whole file. Memory stays flat:
 * a line longer than the limit is not kept whole (only its first bytes, so its key can still be
 * read), whatever its size.
 */
public final class ByteLineReader implements AutoCloseable {

    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    /** Bytes kept of a line over the limit: enough for its first columns (matricule, form number). */
    private static final int KEPT_OF_LONG_LINE = 256;

    /**
     * One decoded line. {@code valid} is false when its bytes were not UTF-8 (the text then has
     * replacement characters); {@code tooLong} when it was over the limit (the text is then only
     * its beginning); {@code terminated} false for a last line with no line end. {@code start}
     * and {@code end} are byte offsets in the stream (end after the line end).
     */
    public record Line(String text, boolean valid, boolean tooLong, boolean terminated, long start, long end) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[64 * 1024];
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int limit;
    private long offset;
    private boolean first = true;

    public ByteLineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES, 0);
    }

    /** @param startOffset the byte offset of the stream's first byte in the file (for {@link Line#start()}) */
    public ByteLineReader(InputStream in, int maxLineBytes, long startOffset) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.offset = startOffset;
        this.first = startOffset == 0;
    }

    /** The next line without its end of line, or null at the end of the file. */
    public Line next() throws IOException {
        buffer.reset();
        long start = offset;
        long length = 0;
        boolean terminated = false;
        while (true) {
            if (pos == limit && !fill()) {
                break;
            }
            int from = pos;
            while (pos < limit && chunk[pos] != '\n') {
                pos++;
            }
            int n = pos - from;
            keep(from, n);
            length += n;
            offset += n;
            if (pos < limit) {
                pos++;
                offset++;
                terminated = true;
                break;
            }
        }
        if (length == 0 && !terminated) {
            return null;
        }
        return decode(start, length, terminated);
    }

    private void keep(int from, int n) {
        int room = maxLineBytes + 1 - buffer.size();
        if (room > 0) {
            buffer.write(chunk, from, Math.min(room, n));
        }
    }

    private Line decode(long start, long length, boolean terminated) {
        boolean tooLong = length > maxLineBytes;
        byte[] bytes = buffer.toByteArray();
        int end = tooLong ? Math.min(bytes.length, KEPT_OF_LONG_LINE) : bytes.length;
        if (!tooLong && end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        int from = 0;
        if (first && end >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        first = false;
        try {
            return new Line(strict.decode(ByteBuffer.wrap(bytes, from, end - from)).toString(), !tooLong, tooLong,
                    terminated, start, offset);
        } catch (CharacterCodingException e) {
            return new Line(new String(bytes, from, end - from, StandardCharsets.UTF_8), false, tooLong, terminated,
                    start, offset);
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(chunk);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
