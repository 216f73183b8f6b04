package com.groupcare.hub.exchange;

import java.time.LocalDate;
import java.util.List;

/**
 * The small part of an inbound feed that plugs into the {@link FilePipeline}: how its files are
 * named and headed, where a chunk may be cut, how a chunk is applied and how a file is completed.
 * The pipeline owns the rest: the exchange, statuses, counts, rejected lines, queues, replay and holds.
 * Implementations are Spring beans; the routes name them by {@link #flow()}.
 */
public interface FileFeed {

    /** The flow name (exchange.flow), e.g. {@code hr-sync}. */
    String flow();

    /** Who sends the files (exchange.partner), e.g. {@code hr}. */
    String partner();

    /** The queue of files waiting for their split (the message is the exchange id). */
    String filesQueue();

    /** The queue of chunk references; its dead letters go to {@code DLQ.<queue>}. */
    String recordsQueue();

    /** Kind and date announced by the file name; throws {@link FileRefused} for a name the layout does not know. */
    Admission admit(String fileName);

    /**
     * False for a file the feed reads whole with a parser at completion (an XML report, often one
     * long line with no line end): the pipeline then asks no line end at its end, no line length and
     * no header line, and cuts it into no chunks; {@link #checkContent} must parse it and refuse it
     * whole when it is cut short or not well-formed.
     */
    default boolean lineOriented(String fileName) {
        return true;
    }

    /** Null when the header is right, or why it is not (the file is then refused whole). */
    String checkHeader(String headerLine);

    /** The header check when the layout depends on the file name (several partners' layouts on one flow). */
    default String checkHeader(String fileName, String headerLine) {
        return checkHeader(headerLine);
    }

    /**
     * A check of the whole file before anything is applied (a trailer's count and total), streaming
     * the stored file; null when it passes, or why the file is refused whole.
     */
    default String checkContent(String fileName, java.nio.file.Path file, int maxLineBytes) {
        return null;
    }

    /** A line that closes the file (a trailer): not a record, never applied nor counted. */
    default boolean isTrailer(ExchangeState exchange, String line) {
        return false;
    }

    /** Lines with the same key are never cut into two chunks (a family, a claim form); null: any cut. */
    String chunkKey(String line);

    /** The chunk key when the layout depends on the file name (several partners' layouts on one flow). */
    default String chunkKey(String fileName, String line) {
        return chunkKey(line);
    }

    /** Lines per chunk (a chunk is one database transaction). */
    int chunkSize();

    /**
     * The longest line this feed's layout can hold (at most the hub's limit); a longer one is rejected
     * without being kept whole, so a chunk of hostile lines stays small in memory.
     */
    default int maxLineBytes(int hubLimit) {
        return hubLimit;
    }

    /** How the partner uploads (read lock, temporary names, done-marker), from its mapping. */
    default Arrival arrival() {
        return Arrival.DEFAULT;
    }

    /**
     * Whether this feed's inbox route takes a file, for feeds that share a partner's folder (an
     * insurer's remittances and acknowledgements): a file another feed takes is left to it.
     */
    default boolean takes(String fileName) {
        return true;
    }

    /** True when files apply one at a time in the order of the date in their name (and older files are refused). */
    default boolean ordered() {
        return false;
    }

    /**
     * True when a file's chunks must apply in file order (a later line may answer an earlier one: a
     * reversal after its payment); a chunk that comes early waits for the chunks before it.
     */
    default boolean chunksInFileOrder() {
        return false;
    }

    /** Applies one chunk inside the pipeline's transaction; returns its rejected lines. */
    List<LineError> apply(ExchangeState exchange, List<RawLine> lines);

    /**
     * Runs once, when every chunk is in, inside the pipeline's transaction; may hold the file for a person.
     * {@code released} is true when a person released a held file.
     */
    Completion complete(ExchangeState exchange, boolean released);

    /**
     * Runs when a person rejects a held file, inside the pipeline's transaction: its completion step
     * never runs, so whatever the feed put aside for it (lines waiting for the completion) is dropped.
     */
    default void rejected(ExchangeState exchange) {
    }

    /** What a file name says. */
    record Admission(String kind, LocalDate date) {
    }

    /**
     * The outcome of the completion step: done, or held with the reason a person reads; a feed that
     * reads its file whole at completion (an XML status report) gives its rejected entries here, and
     * how many entries it read ({@code entries}, counted as the file's records; 0 when its chunks
     * counted them).
     */
    record Completion(String holdReason, List<LineError> errors, int entries) {

        public static final Completion DONE = new Completion(null, List.of(), 0);

        public static Completion hold(String reason) {
            return new Completion(reason, List.of(), 0);
        }

        public static Completion done(List<LineError> errors) {
            return new Completion(null, List.copyOf(errors), 0);
        }

        /** A file read whole at completion: its entries, of which {@code errors} were rejected. */
        public static Completion read(int entries, List<LineError> errors) {
            return new Completion(null, List.copyOf(errors), entries);
        }

        public boolean held() {
            return holdReason != null;
        }
    }
}
