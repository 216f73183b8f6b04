package com.groupcare.hub.remittance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.exchange.ExchangeOutbound;
import com.groupcare.hub.exchange.OutboundUploads;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Complaints (réclamations) opened by remittances: the desk lists them, sends a contract's open
 * ones to the insurer (a file in the insurer's layout and a PDF letter on its SFTP outbox, both
 * recorded as exchanges), records the insurer's answer and closes them; a later remittance line
 * that pays the gap closes one by itself.
 */
@Service
public class Complaints {

    static final String FLOW = "complaints";

    private final JdbcTemplate jdbc;
    private final InsurerMappings mappings;
    private final ContractCatalog contracts;
    private final ExchangeOutbound outbound;
    private final AuditLog audit;
    private final ProducerTemplate producer;
    private final OutboundUploads uploads;
    private final TransactionTemplate own;
    private final Path workDir;

    Complaints(JdbcTemplate jdbc, InsurerMappings mappings, ContractCatalog contracts, ExchangeOutbound outbound, AuditLog audit,
               @Lazy ProducerTemplate producer, OutboundUploads uploads, PlatformTransactionManager transactions,
               @Value("${hub.data-dir}") String dataDir) {
        this.uploads = uploads;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.contracts = contracts;
        this.outbound = outbound;
        this.audit = audit;
        this.producer = producer;
        this.workDir = Path.of(dataDir, "work", "complaints");
    }

    public List<Map<String, Object>> list(String policy, String status, String claimNumber, int limit) {
        return jdbc.queryForList("""
                select k.id, k.policy_number, c.claim_number, cl.line_no, k.expected, k.paid, k.difference, k.reason, k.status,
                       k.sent_exchange_id, k.sent_at, k.answer, k.answered_by, k.closed_by, k.close_reason, k.created_at
                from complaint k join claim c on c.id = k.claim_id join claim_line cl on cl.id = k.claim_line_id
                where (?::varchar is null or k.policy_number = ?) and (?::varchar is null or k.status = ?)
                  and (?::varchar is null or c.claim_number = ?)
                order by k.id desc limit ?""", policy, policy, status, status, claimNumber, claimNumber, Math.min(limit, 1000));
    }

    /**
     * Sends the contract's open complaints. The file is numbered and its complaints chosen in a transaction
     * of its own, committed before anything is uploaded; the files then reach the insurer before the
     * complaints are marked SENT. A file whose upload the hub did not see through (an error, a crash) stays
     * PENDING and is the next one sent, the same number with the same complaints, looked for on the
     * insurer's server first (OutboundUploads): the insurer never gets two files about the same gaps.
     * {@code insurerNeverReceivedIt}: the desk checked with the insurer that a held file never reached it.
     */
    @Transactional
    public Map<String, Object> send(String policy, boolean insurerNeverReceivedIt, String user) {
        InsuranceContract contract = contracts.get(policy)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no contract " + policy));
        ComplaintLayout layout = mappings.complaints(policy).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.UNPROCESSABLE_ENTITY, "the mapping of " + policy + " has no complaints section"));
        Long fileId = own.execute(s -> pendingOrNewFile(policy));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("policyNumber", policy);
        // a second send of the same file at the same moment waits here, then finds it sent
        if (fileId == null || !"PENDING".equals(jdbc.queryForObject("select status from complaint_file where id = ? for update",
                String.class, fileId))) {
            answer.put("complaints", 0);
            return answer;
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select k.id, k.policy_number, t.transmittal_number, c.claim_number, cl.line_no, m.matricule, b.rank, b.first_name,
                       b.last_name, cl.act_code, c.date_of_care, k.expected, k.paid, k.difference, k.reason
                from complaint k join claim c on c.id = k.claim_id join claim_line cl on cl.id = k.claim_line_id
                join beneficiary b on b.id = c.beneficiary_id join member m on m.id = c.member_id
                left join transmittal t on t.id = c.transmittal_id
                where k.complaint_file_id = ? order by k.id""", fileId);
        String number = String.format("%05d", fileId);
        String csvName = layout.fileName().replace("{number}", number);
        String pdfName = csvName.replaceFirst("\\.[^.]+$", "") + ".pdf";
        try {
            Files.createDirectories(workDir);
            Path csv = workDir.resolve(csvName);
            writeCsv(csv, layout, rows);
            Path pdf = workDir.resolve(pdfName);
            ComplaintLetter.write(pdf, number, contract.insurer(), policy, contract.currency(), rows);
            if (insurerNeverReceivedIt) {
                uploads.forget(FLOW, csvName);
            }
            switch (uploads.before("insurers", FLOW, csvName, pdf, csv)) {
                case UPLOAD -> {
                    producer.sendBodyAndHeader("{{hub.remittance.complaints-uri}}", pdf.toFile(), "CamelFileName", pdfName);
                    producer.sendBodyAndHeader("{{hub.remittance.complaints-uri}}", csv.toFile(), "CamelFileName", csvName);
                }
                case ALREADY_THERE -> answer.put("foundOnTheInsurersServer", true);
                default -> throw new ResponseStatusException(HttpStatus.CONFLICT, OutboundUploads.askReason("insurer", csvName)
                        + " (then send with insurerNeverReceivedIt)");
            }
            long exchange = outbound.record("insurers", FLOW, csvName, csv, rows.size());
            outbound.record("insurers", FLOW, pdfName, pdf, 0);
            jdbc.update("update complaint_file set status = 'SENT', sent_at = now(), exchange_id = ? where id = ?", exchange, fileId);
            List<Long> ids = jdbc.queryForList("""
                    update complaint set status = 'SENT', sent_exchange_id = ?, sent_at = now()
                    where complaint_file_id = ? and status = 'OPEN' returning id""", Long.class, exchange, fileId);
            audit.write(ids.stream().map(id -> complaintAudit(id, "SENT", user, "file " + csvName)).toList());
            answer.put("complaints", rows.size());
            answer.put("file", csvName);
            answer.put("letter", pdfName);
            answer.put("exchangeId", exchange);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contract's file whose sending the hub did not see through, or a new one holding its open
     * complaints (none: null). Committed on its own, before any upload.
     */
    private Long pendingOrNewFile(String policy) {
        List<Long> pending = jdbc.queryForList("select id from complaint_file where policy_number = ? and status = 'PENDING' "
                + "order by id limit 1", Long.class, policy);
        if (!pending.isEmpty()) {
            return pending.get(0);
        }
        List<Long> open = jdbc.queryForList("select id from complaint where policy_number = ? and status = 'OPEN' "
                + "and complaint_file_id is null order by id for update", Long.class, policy);
        if (open.isEmpty()) {
            return null;
        }
        Long file = jdbc.queryForObject("insert into complaint_file (policy_number, status, created_at) values (?, 'PENDING', now()) "
                + "returning id", Long.class, policy);
        jdbc.update("update complaint set complaint_file_id = ? where id = any(?)", file, open.toArray(Long[]::new));
        return file;
    }

    @Transactional
    public Map<String, Object> answer(long id, String text, String user) {
        required(text, 1000, "the insurer's answer");
        int updated = jdbc.update("""
                update complaint set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = now()
                where id = ? and status in ('OPEN', 'SENT', 'ANSWERED')""", text, user, id);
        return changed(id, updated, "ANSWERED", user, text);
    }

    @Transactional
    public Map<String, Object> close(long id, String reason, String user) {
        required(reason, 300, "the reason for closing");
        int updated = jdbc.update("""
                update complaint set status = 'CLOSED', closed_by = ?, closed_at = now(), close_reason = ?
                where id = ? and status <> 'CLOSED'""", user, reason, id);
        return changed(id, updated, "CLOSED", user, reason);
    }

    private static void required(String text, int max, String what) {
        if (text == null || text.isBlank() || text.length() > max) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, what + " is required, " + max + " characters at most");
        }
    }

    private Map<String, Object> changed(long id, int updated, String action, String user, String detail) {
        if (updated == 0) {
            if (jdbc.queryForList("select 1 from complaint where id = ?", id).isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no complaint " + id);
            }
            throw new ResponseStatusException(HttpStatus.CONFLICT, "complaint " + id + " is closed: nothing to change");
        }
        audit.write(List.of(complaintAudit(id, action, user, detail)));
        return jdbc.queryForMap("select id, status, answer, answered_by, closed_by, close_reason from complaint where id = ?", id);
    }

    private static Audit complaintAudit(long id, String action, String user, String detail) {
        return new Audit("COMPLAINT", Long.toString(id), action, user, java.time.Instant.now(), null, Map.of("detail", detail));
    }

    private static void writeCsv(Path file, ComplaintLayout layout, List<Map<String, Object>> rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(layout.delimiter(), layout.columns().stream().map(ComplaintLayout.Column::name).toList()));
            out.write('\n');
            for (Map<String, Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (ComplaintLayout.Column column : layout.columns()) {
                    cells.add(cell(row, column.field(), layout).replace(layout.delimiter(), " "));
                }
                out.write(String.join(layout.delimiter(), cells));
                out.write('\n');
            }
        }
    }

    private static String cell(Map<String, Object> row, String field, ComplaintLayout layout) {
        Object value = switch (field) {
            case "complaintNumber" -> row.get("id");
            case "policyNumber" -> row.get("policy_number");
            case "transmittalNumber" -> row.get("transmittal_number");
            case "claimNumber" -> row.get("claim_number");
            case "lineNo" -> row.get("line_no");
            case "matricule" -> row.get("matricule");
            case "rank" -> row.get("rank");
            case "actCode" -> row.get("act_code");
            case "dateOfCare" -> ((java.sql.Date) row.get("date_of_care")).toLocalDate().format(layout.dateFormat());
            case "expected" -> row.get("expected");
            case "paid" -> row.get("paid");
            case "difference" -> row.get("difference");
            case "reason" -> row.get("reason");
            default -> throw new IllegalStateException("unknown complaint field " + field);
        };
        return value instanceof BigDecimal amount ? amount.toPlainString() : value == null ? "" : value.toString();
    }
}
