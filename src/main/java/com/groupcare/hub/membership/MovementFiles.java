package com.groupcare.hub.membership;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.PlainText;
import com.groupcare.hub.exchange.ExchangeOutbound;
import com.groupcare.hub.exchange.OutboundUploads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a movement batch in its insurer's layout (streamed from the database, one line per
 * movement, a trailer with the counts per type) and, once the file is on the insurer's server,
 * marks the batch and its movements sent with the outbound exchange.
 */
@Component("movementFiles")
public class MovementFiles {

    static final String FLOW = "membership-movements";

    private final JdbcTemplate jdbc;
    private final MovementMappings mappings;
    private final ExchangeOutbound outbound;
    private final OutboundUploads uploads;
    private final AuditLog audit;
    private final Path work;

    MovementFiles(JdbcTemplate jdbc, MovementMappings mappings, ExchangeOutbound outbound, OutboundUploads uploads, AuditLog audit,
                  @Value("${hub.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.outbound = outbound;
        this.uploads = uploads;
        this.audit = audit;
        this.work = Path.of(dataDir, "work", "movements").toAbsolutePath().normalize();
    }

    /**
     * The batch's file, or none when the batch is already sent (a replayed message) or its file is on the
     * insurer's server already (the hub died after the upload, before recording it: recorded now).
     */
    @Transactional
    public java.io.File render(long batchId) {
        Map<String, Object> batch = jdbc.queryForMap("select policy_number, status, file_name from movement_batch where id = ? for update",
                batchId);
        if (!"CREATED".equals(batch.get("status"))) {
            return null;
        }
        MovementLayout layout = mappings.get((String) batch.get("policy_number")).orElseThrow();
        Path file = work.resolve((String) batch.get("file_name"));
        try {
            Files.createDirectories(work);
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(out, layout, batchId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (uploads.alreadyThere("insurers", file)) {
            record(batchId, file.toFile(), "found on the insurer's server, not uploaded again");
            return null;
        }
        return file.toFile();
    }

    private void write(BufferedWriter out, MovementLayout layout, long batchId) throws IOException {
        if (layout.header()) {
            out.write(String.join(layout.delimiter(), layout.columns().stream().map(MovementLayout.Column::name).toList()));
            out.write('\n');
        }
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("""
                select d.id as reference, d.policy_number, mv.movement_type, mv.effective_date, m.matricule, coalesce(b.rank, 0) as rank,
                       coalesce(b.relationship, 'MEMBER') as relationship, coalesce(b.last_name, m.last_name) as last_name,
                       coalesce(b.first_name, m.first_name) as first_name, coalesce(b.birth_date, m.birth_date) as birth_date,
                       coalesce(b.gender, m.gender) as gender, coalesce(b.national_id, m.national_id) as national_id,
                       (select c.card_number from member_card c where c.member_id = m.id and c.status in ('TO_ISSUE', 'ISSUED')
                        order by c.created_at desc, c.card_number limit 1) as card_number
                from movement_dispatch d join membership_movement mv on mv.id = d.movement_id join member m on m.id = mv.member_id
                left join beneficiary b on b.id = mv.beneficiary_id where d.batch_id = ? order by d.id""", rs -> {
            List<String> cells = new ArrayList<>();
            for (MovementLayout.Column column : layout.columns()) {
                // a value can neither shift the columns nor split the record (a CR or line feed in a name)
                cells.add(PlainText.flat(cell(rs, column.field(), layout)).replace(layout.delimiter(), " "));
            }
            counts.merge(rs.getString("movement_type"), 1, Integer::sum);
            try {
                out.write(String.join(layout.delimiter(), cells));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, batchId);
        if (layout.trailerMarker() != null) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            out.write(String.join(layout.delimiter(), layout.trailerMarker(), Integer.toString(total),
                    Integer.toString(counts.getOrDefault("INCORPORATION", 0)), Integer.toString(counts.getOrDefault("RETRAIT", 0)),
                    Integer.toString(counts.getOrDefault("MODIFICATION", 0))));
            out.write('\n');
        }
    }

    private static String cell(ResultSet rs, String field, MovementLayout layout) throws SQLException {
        Object value = switch (field) {
            case "reference" -> rs.getLong("reference");
            case "policyNumber" -> rs.getString("policy_number");
            case "type" -> layout.typeCodes().get(rs.getString("movement_type"));
            case "effectiveDate" -> rs.getObject("effective_date", LocalDate.class).format(layout.dateFormat());
            case "matricule" -> rs.getString("matricule");
            case "rank" -> String.format("%02d", rs.getInt("rank"));
            case "relationship" -> layout.relationshipCodes().get(rs.getString("relationship"));
            case "lastName" -> rs.getString("last_name");
            case "firstName" -> rs.getString("first_name");
            case "birthDate" -> rs.getObject("birth_date", LocalDate.class).format(layout.dateFormat());
            case "gender" -> rs.getString("gender");
            case "nationalId" -> rs.getString("national_id");
            case "cardNumber" -> rs.getString("card_number");
            default -> throw new IllegalStateException("unknown movement field " + field);
        };
        return value == null ? "" : value.toString();
    }

    /** The file is on the insurer's server: the batch and its movements are sent, with the outbound exchange. */
    @Transactional
    public void sent(long batchId, java.io.File file) {
        if (file != null) {
            record(batchId, file, "uploaded");
        }
    }

    private void record(long batchId, java.io.File file, String how) {
        Map<String, Object> batch = jdbc.queryForMap("select batch_number, movement_count from movement_batch where id = ?", batchId);
        long exchange = outbound.record("insurers", FLOW, file.getName(), file.toPath(), ((Number) batch.get("movement_count")).intValue());
        jdbc.update("update movement_batch set status = 'SENT', exchange_id = ?, sent_at = now() where id = ? and status = 'CREATED'",
                exchange, batchId);
        jdbc.update("update movement_dispatch set status = 'SENT' where batch_id = ? and status = 'PENDING'", batchId);
        jdbc.update("update membership_movement mv set sent_exchange_id = ? from movement_dispatch d "
                + "where d.batch_id = ? and d.movement_id = mv.id and mv.sent_exchange_id is null", exchange, batchId);
        audit.write(List.of(new Audit("MOVEMENT_BATCH", (String) batch.get("batch_number"), "SENT", "hub", Instant.now(), null,
                Map.of("file", file.getName(), "exchange", exchange, "how", how))));
    }
}
