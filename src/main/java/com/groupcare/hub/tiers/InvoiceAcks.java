package com.groupcare.hub.tiers;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Money;
import com.groupcare.hub.common.PlainText;
import com.groupcare.hub.common.QueuedAfterCommit;
import com.groupcare.hub.exchange.ExchangeOutbound;
import com.groupcare.hub.exchange.OutboundUploads;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acknowledgement of an invoice file, in its provider group's layout: every line of the file
 * with its outcome (accepted or rejected, code, label, amount accepted). Queued once the file is
 * complete and written to the providers' outbox by routes/provider-invoices.yaml; an ack is a row
 * first, a message second, so none is lost when the hub stops in between.
 */
@Component
public class InvoiceAcks {

    static final String FLOW = "provider-invoice-ack";

    private final JdbcTemplate jdbc;
    private final InvoiceLayouts layouts;
    private final ExchangeOutbound outbound;
    private final OutboundUploads uploads;
    private final QueuedAfterCommit queue;
    private final Path work;

    InvoiceAcks(JdbcTemplate jdbc, InvoiceLayouts layouts, ExchangeOutbound outbound, OutboundUploads uploads,
                @Lazy ProducerTemplate producer,
                @Value("${hub.providers.invoices.acks-queue-uri:jms:queue:provider.invoices.acks}") String queueUri,
                @Value("${hub.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.layouts = layouts;
        this.outbound = outbound;
        this.uploads = uploads;
        this.queue = new QueuedAfterCommit(producer, jdbc, queueUri, "provider_invoice_ack");
        this.work = Path.of(dataDir, "work", "provider-acks").toAbsolutePath().normalize();
    }

    /** In the completing transaction: the file's ack is due, and queued once that transaction commits. */
    void prepare(long exchangeId) {
        if (jdbc.update("insert into provider_invoice_ack (id, status) values (?, 'PENDING') on conflict do nothing", exchangeId) == 1) {
            queue.afterCommit(exchangeId);
        }
    }

    /**
     * The ack file of an invoice file, or none when it is already sent (a replayed message) or on the
     * providers' server already (the hub died after the upload, before recording it: recorded now).
     */
    @Transactional
    public java.io.File render(long exchangeId) {
        // already sent (a replayed message), or no such file (a message left from a database since emptied): nothing to write
        if (!List.of("PENDING").equals(jdbc.queryForList("select status from provider_invoice_ack where id = ?", String.class, exchangeId))) {
            return null;
        }
        Map<String, Object> exchange = jdbc.queryForMap("select file_name, file_kind from exchange where id = ?", exchangeId);
        InvoiceLayout layout = layouts.group((String) exchange.get("file_kind"));
        Path file = work.resolve(layout.ack().nameFor((String) exchange.get("file_name")));
        try {
            Files.createDirectories(work);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write(layout.ack().header());
                out.write("\r\n");
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).get());
                jdbc.query("""
                        select line_no, invoice_number, act_code, date_of_care, status, code, message, amount_accepted, currency
                        from provider_invoice_line where exchange_id = ? order by line_no""",
                        rs -> {
                            try {
                                csv.printRecord(cells(layout, rs));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }, exchangeId);
                csv.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (uploads.alreadyThere(ProviderInvoiceFeed.PARTNER, file)) {
            sent(exchangeId, file.toFile());
            return null;
        }
        return file.toFile();
    }

    private static List<String> cells(InvoiceLayout layout, java.sql.ResultSet rs) throws java.sql.SQLException {
        boolean accepted = "ACCEPTED".equals(rs.getString("status"));
        String code = rs.getString("code");
        BigDecimal amount = rs.getBigDecimal("amount_accepted");
        List<String> cells = new ArrayList<>();
        for (String column : layout.ack().columns()) {
            cells.add(switch (column) {
                case "line" -> Integer.toString(rs.getInt("line_no"));
                case "invoice" -> nonNull(rs.getString("invoice_number"));
                case "act" -> nonNull(rs.getString("act_code"));
                case "date-of-care" -> rs.getObject("date_of_care", java.time.LocalDate.class) == null ? ""
                        : rs.getObject("date_of_care", java.time.LocalDate.class).format(layout.dates());
                case "status" -> accepted ? layout.ack().accepted() : layout.ack().rejected();
                case "code" -> nonNull(code);
                case "label" -> code == null ? "" : InvoiceRejection.valueOf(code).label();
                case "amount-accepted" -> amount == null ? "0" : layout.format(Money.round(amount, rs.getString("currency")));
                case "message" -> nonNull(rs.getString("message"));
                default -> throw new IllegalStateException("unknown acknowledgement column " + column);
            });
        }
        return cells;
    }

    /** A value echoed from the provider's file never starts a spreadsheet formula when the ack is opened in one. */
    private static String nonNull(String value) {
        return PlainText.spreadsheetSafe(value);
    }

    /** The ack is on the providers' server: recorded as an outbound exchange, never written again. */
    @Transactional
    public void sent(long exchangeId, java.io.File file) {
        if (file == null) {
            return;
        }
        int lines = jdbc.queryForObject("select count(*) from provider_invoice_line where exchange_id = ?", Integer.class, exchangeId);
        long ack = outbound.record(ProviderInvoiceFeed.PARTNER, FLOW, file.getName(), file.toPath(), lines, exchangeId);
        jdbc.update("update provider_invoice_ack set status = 'SENT', sent_at = now(), ack_exchange_id = ? where id = ? and status = 'PENDING'",
                ack, exchangeId);
    }

    /** Acks committed but never queued, or queued long ago and still not written (the server was down): queued again. */
    public void resendStuck() {
        jdbc.update("update provider_invoice_ack set queued_at = null where status = 'PENDING' and queued_at < now() - interval '30 minutes'");
        queue.queueStuck("PENDING");
    }
}
