package com.groupcare.hub.exchange;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.groupcare.hub.common.ByteLineReader;

/**
 * Cuts a stored file into chunk references (line range and byte range) as a stream, never holding
 * the file, and reads a chunk's lines back from the stored file. Blank lines are skipped but
 * counted, so line numbers match the file; the header is line 1.
 */
final class FileChunks implements Iterator<ChunkRef>, AutoCloseable {

    static final int MAX_CHUNKS_PER_KEY = 10;

    private final ByteLineReader reader;
    private final FileFeed feed;
    private final long exchangeId;
    private final String fileName;
    private int lineNo = 1;
    private int chunkNo = 0;
    private ByteLineReader.Line pending;
    private int pendingNo;

    FileChunks(Path file, FileFeed feed, String fileName, long exchangeId, int maxLineBytes) {
        this.feed = feed;
        this.fileName = fileName;
        this.exchangeId = exchangeId;
        try {
            this.reader = new ByteLineReader(Files.newInputStream(file), maxLineBytes, 0);
            reader.next(); // the header, checked when the file was received
            advance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public ChunkRef next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        int firstLine = pendingNo;
        long startByte = pending.start();
        int count = 0;
        int lastLine = firstLine;
        long endByte = startByte;
        String key = null;
        // lines of one key stay together, up to ten chunks' worth: a hostile file of one endless key never makes
        // a chunk that does not fit in memory (its feed then sees the key cut, and refuses what it cannot read whole)
        int most = feed.chunkSize() * MAX_CHUNKS_PER_KEY;
        while (pending != null && (count < feed.chunkSize()
                || (count < most && key != null && key.equals(feed.chunkKey(fileName, pending.text()))))) {
            key = feed.chunkKey(fileName, pending.text());
            lastLine = pendingNo;
            endByte = pending.end();
            count++;
            advance();
        }
        return new ChunkRef(exchangeId, chunkNo++, firstLine, lastLine, startByte, endByte);
    }

    private void advance() {
        try {
            do {
                pending = reader.next();
                lineNo++;
            } while (pending != null && pending.text().isBlank() && !pending.tooLong());
            pendingNo = lineNo;
            if (pending == null) {
                reader.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    /** The lines of one chunk, read back from the stored file. */
    static List<RawLine> read(Path file, ChunkRef chunk, int maxLineBytes) {
        List<RawLine> lines = new ArrayList<>(chunk.lastLine() - chunk.firstLine() + 1);
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            channel.position(chunk.startByte());
            InputStream range = new Limited(Channels.newInputStream(channel), chunk.endByte() - chunk.startByte());
            try (ByteLineReader reader = new ByteLineReader(range, maxLineBytes, chunk.startByte())) {
                int no = chunk.firstLine();
                for (ByteLineReader.Line line = reader.next(); line != null; line = reader.next(), no++) {
                    if (!line.text().isBlank() || line.tooLong()) {
                        lines.add(new RawLine(no, line.text(), !line.valid() && !line.tooLong(), line.tooLong()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + chunk.describe() + " of exchange " + chunk.exchangeId(), e);
        }
        return lines;
    }

    /** Reads at most {@code remaining} bytes of the stream. */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }

}
