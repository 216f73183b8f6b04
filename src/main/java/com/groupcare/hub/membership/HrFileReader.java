package com.groupcare.hub.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import com.groupcare.hub.common.ByteLineReader;

/**
 * Streams an HR file as chunks of whole families (never the whole file in memory). The header must
 * name the layout's columns; otherwise the file is refused as a whole.
 */
final class HrFileReader implements Iterator<HrChunk>, AutoCloseable {

    private final ByteLineReader reader;
    private final long exchangeId;
    private final int chunkSize;
    private final String delimiter;
    private int lineNo = 1;
    private int chunkNo = 0;
    private ByteLineReader.Line pending;

    HrFileReader(Path file, long exchangeId, int chunkSize, HrLayout layout) {
        this.exchangeId = exchangeId;
        this.chunkSize = chunkSize;
        this.delimiter = layout.delimiter();
        try {
            this.reader = new ByteLineReader(Files.newInputStream(file));
            ByteLineReader.Line header = reader.next();
            if (header == null || !header.text().strip().equalsIgnoreCase(layout.header())) {
                reader.close();
                throw new HrFileRefused("the header does not match the layout mappings/hr/hr-export.yaml (expected: "
                        + layout.header() + ")");
            }
            pending = advance();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public HrChunk next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        List<RawLine> lines = new ArrayList<>(chunkSize + 8);
        String family = null;
        // a family (consecutive lines of one matricule) is never cut, so chunks can be applied in any order
        while (pending != null && (lines.size() < chunkSize || matricule(pending.text()).equals(family))) {
            family = matricule(pending.text());
            lines.add(new RawLine(lineNo, pending.text(), !pending.valid()));
            pending = advance();
        }
        return new HrChunk(exchangeId, chunkNo++, lines);
    }

    private String matricule(String line) {
        int end = line.indexOf(delimiter);
        return end < 0 ? line : line.substring(0, end);
    }

    /** Skips blank lines; counts every physical line so numbers match the file. */
    private ByteLineReader.Line advance() {
        try {
            ByteLineReader.Line line;
            do {
                line = reader.next();
                lineNo++;
            } while (line != null && line.text().isBlank());
            if (line == null) {
                reader.close();
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
