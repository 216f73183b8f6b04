package com.groupcare.hub.payment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.exchange.ExchangeOutbound;
import com.groupcare.hub.exchange.OutboundUploads;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.bindy.fixed.BindyFixedLengthDataFormat;
import org.apache.camel.support.DefaultExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a payment batch's bank file in its bank's format (mappings/banks): ISO 20022 pain.001
 * streamed from a database cursor, or the national fixed-width file; then, once it is on the
 * bank's server, marks the batch sent with its outbound exchange. The same batch gives the same bytes
 * under the same name, and before any upload the bank's server is looked at (OutboundUploads): a file
 * the bank already has is recorded, never uploaded twice, whatever moment the hub died at.
 */
@Component("paymentFiles")
public class PaymentFiles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentFiles.class);

    static final String FLOW = "payments";
    static final String PARTNER = "bank";

    private final JdbcTemplate jdbc;
    private final Debtors debtors;
    private final ExchangeOutbound outbound;
    private final OutboundUploads uploads;
    private final AuditLog audit;
    private final CamelContext camel;
    private final Path work;

    PaymentFiles(JdbcTemplate jdbc, Debtors debtors, ExchangeOutbound outbound, OutboundUploads uploads, AuditLog audit,
                 @Lazy CamelContext camel, @Value("${hub.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.debtors = debtors;
        this.outbound = outbound;
        this.uploads = uploads;
        this.audit = audit;
        this.camel = camel;
        this.work = Path.of(dataDir, "work", "payments").toAbsolutePath().normalize();
    }

    /**
     * The batch's file to upload, or null when nothing goes to the bank: the batch is sent already (a
     * replayed message), its file is on the bank's server already (the hub died after the upload, before
     * recording it: recorded now), or an earlier upload may have reached a bank that deletes what it takes
     * (held FAILED for the desk to check with the bank). The upload is recorded as begun before this returns.
     */
    @Transactional
    public java.io.File render(long batchId) {
        Map<String, Object> batch = jdbc.queryForMap("select * from payment_batch where id = ? for update", batchId);
        if (!"CONFIRMED".equals(batch.get("status"))) {
            return null;
        }
        Path file = generate(batch, work);
        String number = (String) batch.get("batch_number");
        String name = file.getFileName().toString();
        switch (uploads.before(PARTNER, FLOW, number, file)) {
            case UPLOAD:
                return file.toFile();
            case ALREADY_THERE:
                record(batchId, file.toFile(), "found on the bank's server, not uploaded again");
                return null;
            default:
                hold(batchId, number, OutboundUploads.askReason(PARTNER, name));
                return null;
        }
    }

    /** The bank may have the file but the hub cannot see it: FAILED with the reason, for the desk to check with the bank. */
    private void hold(long batchId, String number, String reason) {
        if (jdbc.update("update payment_batch set status = 'FAILED', failure_reason = ? where id = ? and status = 'CONFIRMED'",
                reason, batchId) == 1) {
            log.warn("Payment batch {} held: its file may have reached the bank", batchId);
            audit.write(List.of(new Audit("PAYMENT_BATCH", number, "HELD", "hub", Instant.now(), Map.of("status", "CONFIRMED"),
                    Map.of("status", "FAILED", "reason", reason))));
        }
    }

    /** A batch's file written again (for the desk to download, or to prove it): the same bytes as the one sent. */
    @Transactional(readOnly = true)
    public Path regenerate(String batchNumber, Path dir) {
        return generate(jdbc.queryForMap("select * from payment_batch where batch_number = ?", batchNumber), dir);
    }

    private Path generate(Map<String, Object> batch, Path dir) {
        long batchId = ((Number) batch.get("id")).longValue();
        Debtors.Debtor debtor = debtors.get((String) batch.get("debtor")).orElseThrow();
        String number = (String) batch.get("batch_number");
        boolean xml = debtor.format() == Debtors.Format.PAIN001;
        Path file = dir.resolve(number + (xml ? ".xml" : ".txt"));
        try {
            Files.createDirectories(dir);
            if (xml) {
                writePain001(file, batchId, batch, debtor);
            } else {
                writeNational(file, batchId, batch, debtor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void writePain001(Path file, long batchId, Map<String, Object> batch, Debtors.Debtor debtor) throws IOException {
        LocalDateTime created = ((java.sql.Timestamp) batch.get("created_at")).toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime();
        Pain001Writer.Header header = new Pain001Writer.Header((String) batch.get("batch_number"), created,
                ((Number) batch.get("transfer_count")).intValue(), (BigDecimal) batch.get("total"), debtor,
                ((java.sql.Date) batch.get("execution_date")).toLocalDate());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Pain001Writer.write(out, header, sink -> transfers(batchId, sink));
        }
    }

    private void writeNational(Path file, long batchId, Map<String, Object> batch, Debtors.Debtor debtor) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        transfers(batchId, t -> {
            NationalTransferFile.Line line = new NationalTransferFile.Line();
            line.endToEndId = t.endToEndId();
            line.account = t.account();
            line.name = com.groupcare.hub.common.PlainText.ascii(t.name()); // fixed width counts bytes: one per character
            line.amount = t.amount();
            line.currency = t.currency();
            lines.add(Map.of(NationalTransferFile.Line.class.getName(), line));
        });
        NationalTransferFile.Header header = new NationalTransferFile.Header();
        header.debtorAccount = debtor.account();
        header.executionDate = ((java.sql.Date) batch.get("execution_date")).toLocalDate();
        header.batchNumber = (String) batch.get("batch_number");
        header.count = lines.size();
        header.total = (BigDecimal) batch.get("total");
        NationalTransferFile.Trailer trailer = new NationalTransferFile.Trailer();
        trailer.count = header.count;
        trailer.total = header.total;
        BindyFixedLengthDataFormat bindy = new BindyFixedLengthDataFormat(NationalTransferFile.Line.class);
        bindy.setCamelContext(camel);
        try (OutputStream out = Files.newOutputStream(file)) {
            bindy.start();
            DefaultExchange exchange = new DefaultExchange(camel);
            exchange.getIn().setHeader(BindyFixedLengthDataFormat.CAMEL_BINDY_FIXED_LENGTH_HEADER,
                    Map.of(NationalTransferFile.Header.class.getName(), header));
            exchange.getIn().setHeader(BindyFixedLengthDataFormat.CAMEL_BINDY_FIXED_LENGTH_FOOTER,
                    Map.of(NationalTransferFile.Trailer.class.getName(), trailer));
            bindy.marshal(exchange, lines, out);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the national transfer file cannot be written", e);
        } finally {
            bindy.stop();
        }
    }

    /** The batch's transfers in order, from a cursor. */
    private void transfers(long batchId, java.util.function.Consumer<Pain001Writer.Transfer> sink) {
        jdbc.query("""
                select t.end_to_end_id, t.payee_name, t.account, t.amount, t.currency
                from transfer t where t.batch_id = ? order by t.id""", rs -> {
            sink.accept(new Pain001Writer.Transfer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                    rs.getString(5), "GroupCare remboursements " + rs.getString(1)));
        }, batchId);
    }

    /** The file is on the bank's server: the batch is sent, with its outbound exchange. */
    @Transactional
    public void sent(long batchId, java.io.File file) {
        if (file != null) {
            record(batchId, file, "uploaded");
        }
    }

    private void record(long batchId, java.io.File file, String how) {
        Map<String, Object> batch = jdbc.queryForMap("select batch_number, transfer_count from payment_batch where id = ?", batchId);
        long exchange = outbound.record(PARTNER, FLOW, file.getName(), file.toPath(), ((Number) batch.get("transfer_count")).intValue());
        jdbc.update("update payment_batch set status = 'SENT', file_name = ?, exchange_id = ?, sent_at = now(), failure_reason = null "
                + "where id = ? and status = 'CONFIRMED'", file.getName(), exchange, batchId);
        audit.write(List.of(new Audit("PAYMENT_BATCH", (String) batch.get("batch_number"), "SENT", "hub", Instant.now(), null,
                Map.of("file", file.getName(), "exchange", exchange, "how", how))));
    }

}
