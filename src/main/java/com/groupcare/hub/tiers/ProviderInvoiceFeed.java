package com.groupcare.hub.tiers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.BaseFileFeed;
import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.FileRefused;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Conventioned providers' invoice files (routes/provider-invoices.yaml): the provider group's layout
 * is told by the file name, chunks are cut between invoices, each chunk is checked and recorded by
 * {@link InvoiceRecorder}, and once the file is complete its acknowledgement goes back to the
 * providers' outbox ({@link InvoiceAcks}).
 */
@Component
class ProviderInvoiceFeed extends BaseFileFeed {

    static final String FLOW = "provider-invoices";
    static final String PARTNER = "providers";

    private final InvoiceLayouts layouts;
    private final InvoiceRecorder recorder;
    private final InvoiceAcks acks;
    private final JdbcTemplate jdbc;

    ProviderInvoiceFeed(InvoiceLayouts layouts, InvoiceRecorder recorder, InvoiceAcks acks, JdbcTemplate jdbc,
                        @Value("${hub.providers.invoices.chunk-size:500}") int chunkSize,
                        @Value("${hub.providers.invoices.files-queue:provider.invoices.files}") String filesQueue,
                        @Value("${hub.providers.invoices.records-queue:provider.invoices.records}") String recordsQueue) {
        super(FLOW, PARTNER, filesQueue, recordsQueue, chunkSize);
        this.layouts = layouts;
        this.recorder = recorder;
        this.acks = acks;
        this.jdbc = jdbc;
    }

    @Override
    public Admission admit(String fileName) {
        InvoiceLayout layout = layouts.forFile(fileName).orElseThrow(() -> new FileRefused("'" + fileName
                + "' is not an invoice file name any provider group's mapping knows: " + layouts.patterns()));
        try {
            return new Admission(layout.group(), layout.dateOf(fileName).orElseThrow());
        } catch (java.time.format.DateTimeParseException e) {
            throw new FileRefused("the date in '" + fileName + "' is not a date (yyyyMMdd)");
        }
    }

    /** Acts are valued in file order, even when a chunk is redelivered: ceilings and duplicates come out the same every time. */
    @Override
    public boolean chunksInFileOrder() {
        return true;
    }

    @Override
    public String checkHeader(String headerLine) {
        throw new IllegalStateException("the header of an invoice file depends on its group: checkHeader(fileName, header)");
    }

    @Override
    public String checkHeader(String fileName, String headerLine) {
        InvoiceLayout layout = layouts.forFile(fileName).orElseThrow();
        return layout.header().equals(headerLine.replace("\uFEFF", "").strip()) ? null
                : "the first line must be the " + layout.group() + " header: " + layout.header();
    }

    @Override
    public String chunkKey(String line) {
        return null;
    }

    /** The invoice number, so an invoice and its acts are never cut into two chunks. */
    @Override
    public String chunkKey(String fileName, String line) {
        InvoiceLayout layout = layouts.forFile(fileName).orElseThrow();
        String[] cells = layout.cells(line);
        InvoiceLayout.Record record = layout.recordOf(cells);
        return record == null || cells.length != record.width() ? null : record.cell(cells, "invoice");
    }

    @Override
    public List<LineError> apply(ExchangeState exchange, List<RawLine> lines) {
        InvoiceLayout layout = layouts.group(exchange.fileKind());
        List<LineError> loose = new ArrayList<>();
        List<InvoiceRecords.Invoice> invoices = InvoiceRecords.read(layout, lines, loose);
        LocalDate received = jdbc.queryForObject("select (received_at at time zone current_setting('TimeZone'))::date from exchange "
                + "where id = ?", LocalDate.class, exchange.id());
        return recorder.record(exchange.id(), received, layout, invoices, loose, "provider-file:" + exchange.id());
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        acks.prepare(exchange.id());
        return Completion.DONE;
    }
}
