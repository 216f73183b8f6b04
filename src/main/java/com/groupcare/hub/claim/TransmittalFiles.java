package com.groupcare.hub.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Money;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.exchange.ExchangeOutbound;
import com.groupcare.hub.exchange.OutboundUploads;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a transmittal's files: the data file in the insurer's layout (mappings/insurers/) and
 * the PDF slip beside it; records both as outbound exchanges once they are on the server. Before any
 * upload the insurer's server is looked at (OutboundUploads): a transmittal whose done-marker is there
 * already is recorded, never uploaded twice, whatever moment the hub died at.
 */
@Component("transmittalFiles")
public class TransmittalFiles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TransmittalFiles.class);

    public static final String PARTNER = "insurers";
    public static final String FLOW = "claims-transmittal";
    /** Written after the data file and the slip: the transmittal is complete on the insurer's server. */
    public static final String DONE_MARKER = ".ok";

    /** A file to send, written on disk (never held in memory): its name, the file, its lines. */
    public record OutboundFile(String name, Path path, int lines) {

        /** What the route uploads: the file itself, streamed by the SFTP producer. */
        public java.io.File content() {
            return path.toFile();
        }
    }

    private final JdbcTemplate jdbc;
    private final ExchangeOutbound outbound;
    private final OutboundUploads uploads;
    private final AuditLog auditLog;
    private final ContractCatalog contracts;
    private final String layoutDir;
    private final Path work;

    public TransmittalFiles(JdbcTemplate jdbc, ExchangeOutbound outbound, OutboundUploads uploads, AuditLog auditLog,
                            ContractCatalog contracts, @Value("${hub.claims.insurer-layouts}") String layoutDir,
                            @Value("${hub.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.uploads = uploads;
        this.auditLog = auditLog;
        this.contracts = contracts;
        this.layoutDir = layoutDir;
        this.work = Path.of(dataDir, "work", "transmittals").toAbsolutePath().normalize();
    }

    /**
     * The files to send, or none: the transmittal is sent already (a replayed message), its done-marker is
     * on the insurer's server already (the hub died after the upload, before recording it: recorded now),
     * or an earlier upload may have reached an insurer that deletes what it takes (held FAILED for the desk
     * to check with the insurer). The data file is written from a database cursor and the slip is a
     * summary, so the heap stays flat whatever the number of lines.
     */
    @Transactional
    public List<OutboundFile> render(long transmittalId) {
        Map<String, Object> t = jdbc.queryForMap("""
                select t.transmittal_number, t.policy_number, t.currency, t.created_at, t.status, c.insurer
                from transmittal t join insurance_contract c on c.policy_number = t.policy_number where t.id = ?
                for update of t""", transmittalId);
        if ("SENT".equals(t.get("status"))) {
            log.info("Transmittal {} is already sent: nothing written again", transmittalId);
            return List.of();
        }
        String number = (String) t.get("transmittal_number");
        String currency = (String) t.get("currency");
        String policy = (String) t.get("policy_number");
        InsurerLayout layout = InsurerLayout.load(layoutDir, policy);
        String baseName = layout.fileName().replace("{transmittalNumber}", number);
        String stem = baseName.replaceFirst("\\.[^.]+$", "");
        try {
            Files.createDirectories(work);
            Path data = work.resolve(baseName);
            int lines = writeData(transmittalId, layout, currency, data);
            LocalDate date = ((java.sql.Timestamp) t.get("created_at")).toLocalDateTime().toLocalDate();
            Path slip = work.resolve(stem + ".pdf");
            Files.write(slip, TransmittalSlips.summary(jdbc, contracts, transmittalId, number, policy, (String) t.get("insurer"),
                    currency, date).render());
            Path marker = work.resolve(stem + DONE_MARKER);
            Files.write(marker, new byte[0]);
            int forms = jdbc.queryForObject("select count(*) from claim where transmittal_id = ?", Integer.class, transmittalId);
            // the done-marker goes last: the insurer takes the transmittal only once it is there, so a data
            // file whose slip failed to upload is never taken alone (a retry sends all three again)
            List<OutboundFile> files = List.of(new OutboundFile(baseName, data, lines), new OutboundFile(stem + ".pdf", slip, forms),
                    new OutboundFile(stem + DONE_MARKER, marker, 0));
            switch (uploads.before(PARTNER, FLOW, number, data, slip, marker)) {
                case UPLOAD:
                    return files;
                case ALREADY_THERE:
                    record(transmittalId, files, "found on the insurer's server, not uploaded again");
                    return List.of();
                default:
                    hold(transmittalId, number, OutboundUploads.askReason("insurer", stem + DONE_MARKER));
                    return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the files of transmittal " + number, e);
        }
    }

    /** The data file in the insurer's layout, row by row from a cursor; returns its line count. */
    private int writeData(long transmittalId, InsurerLayout layout, String currency, Path file) throws IOException {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(layout.dateFormat());
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).setRecordSeparator("\n");
        if (layout.header()) {
            format.setHeader(layout.columns().stream().map(InsurerLayout.Column::name).toArray(String[]::new));
        }
        int[] count = {0};
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(file, Charset.forName(layout.encoding())), format.get())) {
            jdbc.query(con -> {
                var ps = con.prepareStatement("""
                        select t.transmittal_number, c.policy_number, c.claim_number, m.matricule, b.rank,
                               b.last_name || ' ' || b.first_name as beneficiary_name, c.date_of_care, c.provider_code,
                               l.line_no, l.act_code, l.quantity, l.amount_charged, l.expected, l.reasons
                        from claim c join transmittal t on t.id = c.transmittal_id join claim_line l on l.claim_id = c.id
                        join member m on m.id = c.member_id join beneficiary b on b.id = c.beneficiary_id
                        where c.transmittal_id = ? order by c.claim_number, l.line_no""");
                ps.setFetchSize(1000);
                ps.setLong(1, transmittalId);
                return ps;
            }, (java.sql.ResultSet rs) -> {
                try {
                    for (InsurerLayout.Column column : layout.columns()) {
                        printer.print(cell(rs.getObject(column.sqlName()), column, dates, currency));
                    }
                    printer.println();
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return count[0];
    }

    private static Object cell(Object value, InsurerLayout.Column column, DateTimeFormatter dates, String currency) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().format(dates);
        }
        if (value instanceof BigDecimal amount && column.isAmount()) {
            return Money.round(amount, currency).toPlainString();
        }
        return value;
    }

    /** Both files are on the insurer's server: recorded as exchanges, the transmittal and its claims are SENT. */
    @Transactional
    public void sent(long transmittalId, List<OutboundFile> files) {
        if (!files.isEmpty()) {
            record(transmittalId, files, "uploaded");
        }
    }

    private void record(long transmittalId, List<OutboundFile> files, String how) {
        long data = outbound.record(PARTNER, FLOW, files.get(0).name(), files.get(0).path(), files.get(0).lines());
        long slip = outbound.record(PARTNER, FLOW, files.get(1).name(), files.get(1).path(), files.get(1).lines());
        int changed = jdbc.update("""
                update transmittal set status = 'SENT', sent_at = now(), data_exchange_id = ?, slip_exchange_id = ?, failure_reason = null
                where id = ? and status <> 'SENT'""", data, slip, transmittalId);
        if (changed == 1) {
            String number = jdbc.queryForObject("select transmittal_number from transmittal where id = ?", String.class,
                    transmittalId);
            auditLog.write(List.of(new Audit("TRANSMITTAL", number, "SENT", "hub", java.time.Instant.now(),
                    Map.of("status", "CREATED"), Map.of("status", "SENT", "dataExchange", data, "slipExchange", slip, "how", how))));
        }
        jdbc.update("update claim set status = 'SENT', updated_at = now() where transmittal_id = ? and status = 'BATCHED'",
                transmittalId);
        files.forEach(f -> f.path().toFile().delete());
    }

    /** The insurer may have the transmittal but the hub cannot see it: FAILED with the reason, for the desk to check. */
    private void hold(long transmittalId, String number, String reason) {
        if (jdbc.update("update transmittal set status = 'FAILED', failure_reason = ? where id = ? and status <> 'SENT'",
                reason, transmittalId) == 1) {
            log.warn("Transmittal {} held: its files may have reached the insurer", transmittalId);
            auditLog.write(List.of(new Audit("TRANSMITTAL", number, "HELD", "hub", java.time.Instant.now(),
                    Map.of("status", "CREATED"), Map.of("status", "FAILED", "reason", reason))));
        }
    }
}
