package com.groupcare.hub.remittance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import com.groupcare.hub.common.ByteLineReader;

/**
 * The whole-file check of a remittance, before anything is applied: one trailer, last, whose line
 * count and total amount equal the file's detail lines and the sum of their amounts. Streams the
 * file (a million lines in well under a second, memory flat).
 */
final class RemittanceTrailer {

    private RemittanceTrailer() {
    }

    /** Null when the trailer agrees with the lines, or why the file is refused whole. */
    static String refusal(RemittanceLayout layout, int scale, Path file, int maxLineBytes) {
        long count = 0;
        long unreadable = 0;
        BigDecimal total = BigDecimal.ZERO;
        String trailer = null;
        int lineNo = 0;
        RemittanceLayout.Column amountColumn = layout.column("amountPaid");
        try (InputStream in = Files.newInputStream(file); ByteLineReader reader = new ByteLineReader(in, maxLineBytes, 0)) {
            for (ByteLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lineNo++;
                String text = line.text();
                if (lineNo == 1 || (text.isBlank() && !line.tooLong())) {
                    continue;
                }
                if (trailer != null) {
                    return "line " + lineNo + " comes after the trailer: the trailer must be the last line";
                }
                if (!line.tooLong() && layout.isTrailer(text)) {
                    trailer = text;
                    continue;
                }
                count++;
                BigDecimal amount = amountOf(layout, amountColumn, scale, text, line.tooLong());
                if (amount == null) {
                    unreadable++;
                } else {
                    total = total.add(amount);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (trailer == null) {
            return "no trailer line (" + layout.trailerMarker() + "...): the file may be cut short; nothing was applied";
        }
        String[] cells = layout.cells(trailer);
        String countText = layout.trailerCount().read(trailer, cells);
        String totalText = layout.trailerTotal().read(trailer, cells);
        long announcedCount;
        BigDecimal announcedTotal;
        try {
            announcedCount = Long.parseLong(countText);
            announcedTotal = RemittanceLines.amount(layout, scale, totalText);
        } catch (RuntimeException e) {
            return "the trailer's line count or total cannot be read: '" + trailer + "'";
        }
        if (announcedCount != count) {
            return "the trailer announces " + announcedCount + " lines, the file has " + count + ": nothing was applied";
        }
        if (announcedTotal.compareTo(total) != 0) {
            return "the trailer announces a total of " + announcedTotal.toPlainString() + ", the lines add up to "
                    + total.setScale(scale).toPlainString()
                    + (unreadable > 0 ? " (" + unreadable + " lines have no readable amount)" : "") + ": nothing was applied";
        }
        return null;
    }

    private static BigDecimal amountOf(RemittanceLayout layout, RemittanceLayout.Column column, int scale, String text,
                                       boolean tooLong) {
        if (tooLong) {
            return null;
        }
        try {
            return RemittanceLines.amount(layout, scale, column.slot().read(text, layout.cells(text)));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
