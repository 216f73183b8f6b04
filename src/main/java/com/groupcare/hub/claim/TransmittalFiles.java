package com.groupcare.hub.claim;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Money;
import com.groupcare.hub.exchange.ExchangeOutbound;
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
 * the PDF slip beside it; records both as outbound exchanges once they are on the server.
 */
@Component("transmittalFiles")
public class TransmittalFiles {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TransmittalFiles.class);

    public static final String PARTNER = "insurers";
    public static final String FLOW = "claims-transmittal";
    /** Written after the data file and the slip: the transmittal is complete on the insurer's server. */
    public static final String DONE_MARKER = ".ok";

    /** A file to send: its name and its bytes. */
    public record OutboundFile(String name, byte[] content, int lines) {
    }

    private final JdbcTemplate jdbc;
    private final ExchangeOutbound outbound;
    private final AuditLog auditLog;
    private final String layoutDir;

    public TransmittalFiles(JdbcTemplate jdbc, ExchangeOutbound outbound, AuditLog auditLog,
                            @Value("${hub.claims.insurer-layouts}") String layoutDir) {
        this.jdbc = jdbc;
        this.outbound = outbound;
        this.auditLog = auditLog;
        this.layoutDir = layoutDir;
    }

    /** The files to send, or none when the transmittal is already on the insurer's server (a replayed message). */
    public List<OutboundFile> render(long transmittalId) {
        Map<String, Object> t = jdbc.queryForMap("""
                select t.transmittal_number, t.policy_number, t.currency, t.claim_count, t.total_expected, t.created_at,
                       t.status, c.insurer from transmittal t join insurance_contract c on c.policy_number = t.policy_number
                where t.id = ?""", transmittalId);
        if ("SENT".equals(t.get("status"))) {
            log.info("Transmittal {} is already sent: nothing written again", transmittalId);
            return List.of();
        }
        String number = (String) t.get("transmittal_number");
        String currency = (String) t.get("currency");
        InsurerLayout layout = InsurerLayout.load(layoutDir, (String) t.get("policy_number"));
        List<Map<String, Object>> lines = jdbc.queryForList("""
                select t.transmittal_number, c.policy_number, c.claim_number, m.matricule, b.rank,
                       b.last_name || ' ' || b.first_name as beneficiary_name, c.date_of_care, c.provider_code,
                       l.line_no, l.act_code, l.quantity, l.amount_charged, l.expected, l.reasons
                from claim c join transmittal t on t.id = c.transmittal_id join claim_line l on l.claim_id = c.id
                join member m on m.id = c.member_id join beneficiary b on b.id = c.beneficiary_id
                where c.transmittal_id = ? order by c.claim_number, l.line_no""", transmittalId);
        List<Map<String, Object>> claims = jdbc.queryForList("""
                select c.claim_number, m.matricule, b.rank, c.date_of_care, c.provider_code, c.total_charged, c.total_expected
                from claim c join member m on m.id = c.member_id join beneficiary b on b.id = c.beneficiary_id
                where c.transmittal_id = ? order by c.claim_number""", transmittalId);
        String baseName = layout.fileName().replace("{transmittalNumber}", number);
        byte[] data = csv(layout, lines, currency);
        byte[] slip = new TransmittalSlip(number, (String) t.get("policy_number"), (String) t.get("insurer"), currency,
                ((java.sql.Timestamp) t.get("created_at")).toLocalDateTime().toLocalDate(), claims,
                Money.round((BigDecimal) t.get("total_expected"), currency)).render();
        String stem = baseName.replaceFirst("\\.[^.]+$", "");
        // the done-marker goes last: the insurer takes the transmittal only once it is there, so a data
        // file whose slip failed to upload is never taken alone (a retry sends all three again)
        return List.of(new OutboundFile(baseName, data, lines.size()), new OutboundFile(stem + ".pdf", slip, claims.size()),
                new OutboundFile(stem + DONE_MARKER, new byte[0], 0));
    }

    /** Both files are on the insurer's server: recorded as exchanges, the transmittal and its claims are SENT. */
    @Transactional
    public void sent(long transmittalId, List<OutboundFile> files) {
        if (files.isEmpty()) {
            return;
        }
        long data = outbound.record(PARTNER, FLOW, files.get(0).name(), files.get(0).content(), files.get(0).lines());
        long slip = outbound.record(PARTNER, FLOW, files.get(1).name(), files.get(1).content(), files.get(1).lines());
        int changed = jdbc.update("""
                update transmittal set status = 'SENT', sent_at = now(), data_exchange_id = ?, slip_exchange_id = ?
                where id = ? and status <> 'SENT'""", data, slip, transmittalId);
        if (changed == 1) {
            String number = jdbc.queryForObject("select transmittal_number from transmittal where id = ?", String.class,
                    transmittalId);
            auditLog.write(List.of(new Audit("TRANSMITTAL", number, "SENT", "hub", java.time.Instant.now(),
                    Map.of("status", "CREATED"), Map.of("status", "SENT", "dataExchange", data, "slipExchange", slip))));
        }
        jdbc.update("update claim set status = 'SENT', updated_at = now() where transmittal_id = ? and status = 'BATCHED'",
                transmittalId);
    }

    private static byte[] csv(InsurerLayout layout, List<Map<String, Object>> lines, String currency) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(layout.dateFormat());
        StringWriter out = new StringWriter();
        CSVFormat.Builder format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).setRecordSeparator("\n");
        if (layout.header()) {
            format.setHeader(layout.columns().stream().map(InsurerLayout.Column::name).toArray(String[]::new));
        }
        try (CSVPrinter printer = new CSVPrinter(out, format.get())) {
            for (Map<String, Object> line : lines) {
                for (InsurerLayout.Column column : layout.columns()) {
                    Object value = line.get(column.sqlName());
                    if (value instanceof java.sql.Date d) {
                        value = d.toLocalDate().format(dates);
                    } else if (value instanceof LocalDate d) {
                        value = d.format(dates);
                    } else if (value instanceof BigDecimal amount && column.isAmount()) {
                        value = Money.round(amount, currency).toPlainString();
                    }
                    printer.print(value);
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(Charset.forName(layout.encoding()));
    }
}
