package com.groupcare.hub.membership;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.PlainText;
import com.groupcare.hub.exchange.ExchangeOutbound;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Card batches: the cards to issue (new members, family changes, replacements) and to revoke of the
 * members a contract covers, under one number: a print file (PDF, eight cards a sheet, QR code of
 * the card number), a CSV for the card printer and the list of revoked cards, on the insurer's SFTP
 * outbox, recorded as exchanges. The files reach the server before the cards change state, in one
 * transaction: a failed write leaves them to issue.
 */
@Service
public class CardBatches {

    static final String FLOW = "member-cards";
    private static final CSVFormat CARD_CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator('\n').get();

    private final JdbcTemplate jdbc;
    private final MovementMappings mappings;
    private final ExchangeOutbound outbound;
    private final AuditLog audit;
    private final ProducerTemplate producer;
    private final Path work;

    CardBatches(JdbcTemplate jdbc, MovementMappings mappings, ExchangeOutbound outbound, AuditLog audit,
                @Lazy ProducerTemplate producer, @Value("${hub.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.outbound = outbound;
        this.audit = audit;
        this.producer = producer;
        this.work = Path.of(dataDir, "work", "cards");
    }

    @Transactional
    public Map<String, Object> create(String policy, String actor) {
        MovementLayout layout = mappings.get(policy).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no movements section (covered members) in the insurer mapping of " + policy));
        String insurer = jdbc.queryForObject("select insurer from insurance_contract where policy_number = ? for update",
                String.class, policy);
        String[] units = layout.orgUnits().toArray(String[]::new);
        List<Map<String, Object>> issue = cards(units, "TO_ISSUE");
        List<Map<String, Object>> revoke = cards(units, "TO_REVOKE");
        Map<String, Object> answer = new LinkedHashMap<>(Map.of("policyNumber", policy, "issued", issue.size(), "revoked", revoke.size()));
        if (issue.isEmpty() && revoke.isEmpty()) {
            return answer;
        }
        int sequence = jdbc.queryForObject("select count(*) + 1 from card_batch where policy_number = ?", Integer.class, policy);
        String number = "CARD-" + policy + "-" + String.format("%05d", sequence);
        long batch = jdbc.queryForObject("""
                insert into card_batch (batch_number, policy_number, issued, revoked, created_by, created_at)
                values (?, ?, ?, ?, ?, now()) returning id""", Long.class, number, policy, issue.size(), revoke.size(), actor);
        try {
            Files.createDirectories(work);
            String stem = "CARTES_" + policy + "_" + String.format("%05d", sequence);
            Map<Path, Integer> files = new LinkedHashMap<>();
            if (!issue.isEmpty()) {
                Path pdf = work.resolve(stem + ".pdf");
                CardPrint.write(pdf, insurer, issue.stream().map(c -> card(c, policy)).toList());
                files.put(pdf, issue.size());
                files.put(csv(work.resolve(stem + ".csv"), List.of("carte", "matricule", "nom", "prenom", "police", "valide_du", "valide_au"),
                        issue.stream().map(c -> List.of((String) c.get("card_number"), (String) c.get("matricule"),
                                (String) c.get("last_name"), (String) c.get("first_name"), policy, c.get("valid_from").toString(),
                                c.get("valid_to") == null ? "" : c.get("valid_to").toString())).toList()), issue.size());
            }
            if (!revoke.isEmpty()) {
                files.put(csv(work.resolve(stem + "_REVOQUEES.csv"), List.of("carte", "matricule", "motif"),
                        revoke.stream().map(c -> List.of((String) c.get("card_number"), (String) c.get("matricule"),
                                (String) c.get("reason"))).toList()), revoke.size());
            }
            for (Map.Entry<Path, Integer> file : files.entrySet()) {
                String name = file.getKey().getFileName().toString();
                producer.sendBodyAndHeader("{{hub.cards.outbox-uri}}", file.getKey().toFile(), "CamelFileName", name);
                outbound.record("insurers", FLOW, name, file.getKey(), file.getValue());
            }
            answer.put("files", files.keySet().stream().map(f -> f.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.update("update member_card set status = 'ISSUED', issue_batch_id = ?, updated_at = now() where id = any(?)", batch,
                issue.stream().map(c -> c.get("id")).toArray(UUID[]::new));
        jdbc.update("update member_card set status = 'REVOKED', revoke_batch_id = ?, valid_to = coalesce(valid_to, current_date), "
                + "updated_at = now() where id = any(?)", batch, revoke.stream().map(c -> c.get("id")).toArray(UUID[]::new));
        audit.write(List.of(new Audit("CARD_BATCH", number, "SENT", actor, Instant.now(), null,
                Map.of("issued", issue.size(), "revoked", revoke.size()))));
        answer.put("batchNumber", number);
        return answer;
    }

    /** Replaces a member's card (lost, stolen, damaged): the old one to revoke, a new one to issue in the next batch. */
    @Transactional
    public Map<String, Object> replace(String matricule, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > 80) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "a reason is required (lost, stolen, damaged...), 80 characters at most");
        }
        UUID member = jdbc.query("select id from member where matricule = ? and status = 'ACTIVE' for update",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, matricule);
        if (member == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no active member with this matricule");
        }
        int cards = jdbc.queryForObject("select count(*) from member_card where member_id = ?", Integer.class, member);
        jdbc.update("update member_card set status = 'TO_REVOKE', reason = ?, updated_at = now() "
                + "where member_id = ? and status in ('TO_ISSUE', 'ISSUED')", "REPLACED: " + reason, member);
        String number = matricule + "-" + String.format("%02d", cards + 1);
        jdbc.update("""
                insert into member_card (id, member_id, card_number, valid_from, status, reason, created_at, updated_at)
                values (?, ?, ?, current_date, 'TO_ISSUE', 'REPLACEMENT', now(), now())""", UUID.randomUUID(), member, number);
        audit.write(List.of(new Audit("CARD", number, "REPLACE", actor, Instant.now(), null, Map.of("reason", reason))));
        return Map.of("matricule", matricule, "newCard", number, "status", "TO_ISSUE");
    }

    private List<Map<String, Object>> cards(String[] units, String status) {
        return jdbc.queryForList(MovementLayout.COVERED + """
                select c.id, c.card_number, c.valid_from, c.valid_to, c.reason, m.id as member_id, m.matricule, m.last_name, m.first_name
                from member_card c join member m on m.id = c.member_id
                where c.status = ? and """ + MovementLayout.COVERED_MEMBER + " order by m.matricule, c.card_number for update of c",
                units, status, units);
    }

    private CardPrint.Card card(Map<String, Object> row, String policy) {
        List<Map.Entry<Integer, String>> family = jdbc.query("""
                select rank, first_name from beneficiary where member_id = ? and status = 'ACTIVE' order by rank""",
                (rs, i) -> Map.entry(rs.getInt(1), rs.getString(2)), row.get("member_id"));
        return new CardPrint.Card((String) row.get("card_number"), (String) row.get("matricule"), (String) row.get("last_name"),
                (String) row.get("first_name"), policy, ((java.sql.Date) row.get("valid_from")).toLocalDate(),
                row.get("valid_to") == null ? null : ((java.sql.Date) row.get("valid_to")).toLocalDate(), family);
    }

    /**
     * A CSV for the card printer's software, which may be a spreadsheet: quoted where a value holds the
     * delimiter or a quote, one line per card, and no name from HR ever read as a formula.
     */
    private static Path csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (CSVPrinter out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), CARD_CSV)) {
            out.printRecord(header);
            for (List<String> row : rows) {
                out.printRecord(row.stream().map(v -> PlainText.spreadsheetSafe(PlainText.flat(v))).toList());
            }
        }
        return file;
    }
}
