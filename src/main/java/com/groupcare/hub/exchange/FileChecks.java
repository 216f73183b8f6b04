package com.groupcare.hub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import com.groupcare.hub.common.ByteLineReader;

/**
 * What makes a file unusable as a whole, checked before anything is applied: an empty file, a last
 * line with no line end (an upload cut short), a first line over the limit or not the layout's header.
 * A file that is not line-oriented (an XML report) is judged by its feed's parser alone.
 */
final class FileChecks {

    private FileChecks() {
    }

    /** Null when the file may be processed, or why it is refused. */
    static String refusal(FileFeed feed, Path file, String fileName, int maxLineBytes) {
        long size = ExchangeIntake.size(file);
        if (size == 0) {
            return "the file is empty (0 bytes)";
        }
        if (!feed.lineOriented(fileName)) {
            return feed.checkContent(fileName, file, maxLineBytes);
        }
        if (lastByte(file) != '\n') {
            return "the last line has no line end: the file looks cut short (an upload not finished?); "
                    + "nothing was applied, send the complete file again";
        }
        try (InputStream in = Files.newInputStream(file);
             ByteLineReader reader = new ByteLineReader(in, maxLineBytes, 0)) {
            ByteLineReader.Line header = reader.next();
            if (header.tooLong()) {
                return "the first line is longer than " + maxLineBytes + " bytes: not a file of this layout";
            }
            if (!header.valid()) {
                return "the header is not valid UTF-8";
            }
            String refusal = feed.checkHeader(fileName, header.text());
            return refusal != null ? refusal : feed.checkContent(fileName, file, maxLineBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int lastByte(Path file) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.position(channel.size() - 1).read(one);
            return one.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
