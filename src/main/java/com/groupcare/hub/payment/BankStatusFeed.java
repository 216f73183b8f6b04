package com.groupcare.hub.payment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.common.HeaderLine;
import com.groupcare.hub.exchange.BaseFileFeed;
import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.FileRefused;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The banks' status returns (routes/bank-status.yaml) through the file pipeline: a pain.002 status
 * report, parsed whole when it comes in and read at completion as an XML stream (not line-oriented:
 * no chunks), or the CSV variant of mappings/banks, applied chunk by chunk. Each answer marks its transfer accepted or rejected ({@link TransferStatuses}).
 */
@Component
class BankStatusFeed extends BaseFileFeed {

    static final String FLOW = "bank-status";

    private final Debtors banks;
    private final TransferStatuses statuses;
    private final JdbcTemplate jdbc;

    BankStatusFeed(Debtors banks, TransferStatuses statuses, JdbcTemplate jdbc,
                   @Value("${hub.payments.status-files-queue:bank.status.files}") String filesQueue,
                   @Value("${hub.payments.status-records-queue:bank.status.records}") String recordsQueue) {
        super(FLOW, "bank", filesQueue, recordsQueue, 5000);
        this.banks = banks;
        this.statuses = statuses;
        this.jdbc = jdbc;
    }

    @Override
    public Admission admit(String fileName) {
        Debtors.StatusFiles files = banks.statusFiles();
        for (var kind : List.of(java.util.Map.entry("PAIN002", files.pain002()), java.util.Map.entry("CSV", files.csv()))) {
            var m = kind.getValue().matcher(fileName);
            if (m.matches()) {
                try {
                    return new Admission(kind.getKey(), java.time.LocalDate.parse(m.group(1), java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new FileRefused("the date in '" + fileName + "' is not a date (yyyyMMdd)");
                }
            }
        }
        throw new FileRefused("'" + fileName + "' is neither a pain.002 status report nor a transfer return the bank mapping knows");
    }

    /** A pain.002 is XML, read whole by its parser: often one long line, with no line end at its end. */
    @Override
    public boolean lineOriented(String fileName) {
        return !banks.statusFiles().pain002().matcher(fileName).matches();
    }

    @Override
    public String checkHeader(String headerLine) {
        Debtors.StatusFiles layout = banks.statusFiles();
        return HeaderLine.matches(layout.header(), headerLine, layout.delimiter()) ? null
                : "the first line is not the header of the bank's transfer return (expected: " + layout.header()
                        + "): a file without it would lose its first answer; nothing was applied";
    }

    /** A pain.002 is parsed whole before anything is applied: cut short or not well-formed, it is refused whole. */
    @Override
    public String checkContent(String fileName, Path file, int maxLineBytes) {
        if (lineOriented(fileName)) {
            return null;
        }
        try {
            Pain002Reader.read(file);
            return null;
        } catch (IOException e) {
            return e.getMessage() + "; nothing was applied, ask the bank for the complete report";
        }
    }

    @Override
    public String chunkKey(String line) {
        return null;
    }

    @Override
    public List<LineError> apply(ExchangeState exchange, List<RawLine> lines) {
        if (exchange.fileKind().equals("PAIN002")) {
            return List.of(); // an XML report is read whole at completion
        }
        Debtors.StatusFiles layout = banks.statusFiles();
        List<LineError> errors = new ArrayList<>();
        List<TransferStatuses.Status> read = new ArrayList<>();
        for (RawLine line : lines) {
            String[] cells = line.text().split(java.util.regex.Pattern.quote(layout.delimiter()), -1);
            int needed = Math.max(layout.endToEndId(), Math.max(layout.status(), layout.reason()));
            if (line.badEncoding() || line.tooLong() || cells.length < needed) {
                errors.add(new LineError(line.lineNo(), "MALFORMED_LINE", "expected at least " + needed + " fields"));
                continue;
            }
            String status = cells[layout.status() - 1].trim();
            if (!status.equals(layout.accepted()) && !status.equals(layout.rejected())) {
                errors.add(new LineError(line.lineNo(), "BAD_STATUS", "status is neither " + layout.accepted() + " nor " + layout.rejected()));
                continue;
            }
            boolean accepted = status.equals(layout.accepted());
            read.add(new TransferStatuses.Status(line.lineNo(), cells[layout.endToEndId() - 1].trim(), accepted,
                    accepted ? null : "bank: " + cells[layout.reason() - 1].trim()));
        }
        errors.addAll(statuses.apply(read));
        errors.sort(java.util.Comparator.comparingInt(LineError::lineNo));
        return errors;
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        if (!exchange.fileKind().equals("PAIN002")) {
            return Completion.DONE;
        }
        Path file = Path.of(jdbc.queryForObject("select stored_path from exchange where id = ?", String.class, exchange.id()));
        Pain002Reader.Report report;
        try {
            report = Pain002Reader.read(file);
        } catch (IOException e) {
            // it was parsed whole when it came in: the stored copy cannot be read now, the split is tried again
            throw new UncheckedIOException("Cannot read the stored status report of exchange " + exchange.id(), e);
        }
        List<TransferStatuses.Status> answers = new ArrayList<>(report.transactions());
        if (answers.isEmpty() && report.originalMessageId() != null
                && (Pain002Reader.accepted(report.groupStatus()) || "RJCT".equals(report.groupStatus()))) {
            boolean accepted = Pain002Reader.accepted(report.groupStatus());
            jdbc.queryForList("select t.end_to_end_id from transfer t join payment_batch b on b.id = t.batch_id "
                    + "where b.batch_number = ? order by t.id", String.class, report.originalMessageId())
                    .forEach(id -> answers.add(new TransferStatuses.Status(1, id, accepted, accepted ? null
                            : "bank rejected the whole file" + (report.groupReason() == null ? "" : ", reason " + report.groupReason()))));
        }
        return Completion.read(answers.size(), statuses.apply(answers));
    }
}
