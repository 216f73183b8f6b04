package com.groupcare.hub.membership;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * The insurer's acknowledgement of a movement file (routes/movement-acks.yaml): per line our
 * reference, accepted or rejected, and the insurer's code, translated by its mapping. Rejected
 * movements are listed for the desk (GET /api/movements/rejected) to correct and send again.
 */
@Component
class MovementAckFeed extends BaseFileFeed {

    static final String FLOW = "movement-ack";

    private final MovementMappings mappings;
    private final JdbcTemplate jdbc;

    MovementAckFeed(MovementMappings mappings, JdbcTemplate jdbc,
                    @Value("${hub.movements.ack-files-queue:movements.acks.files}") String filesQueue,
                    @Value("${hub.movements.ack-records-queue:movements.acks.records}") String recordsQueue) {
        super(FLOW, "insurers", filesQueue, recordsQueue, 1000);
        this.mappings = mappings;
        this.jdbc = jdbc;
    }

    @Override
    public boolean takes(String fileName) {
        return mappings.isAck(fileName);
    }

    @Override
    public Admission admit(String fileName) {
        for (MovementLayout layout : mappings.all()) {
            var m = layout.ack().fileName().matcher(fileName);
            if (m.matches()) {
                try {
                    return new Admission(layout.policyNumber(), java.time.LocalDate.parse(m.group(1),
                            java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new FileRefused("the date in '" + fileName + "' is not a date (yyyyMMdd)");
                }
            }
        }
        throw new FileRefused("'" + fileName + "' is not a movement acknowledgement name any insurer mapping knows");
    }

    @Override
    public String checkHeader(String headerLine) {
        throw new UnsupportedOperationException("the header depends on the insurer: checkHeader(fileName, headerLine)");
    }

    @Override
    public String checkHeader(String fileName, String headerLine) {
        MovementLayout.Ack ack = mappings.get(admit(fileName).kind()).orElseThrow().ack();
        return HeaderLine.matches(ack.header(), headerLine, ack.delimiter()) ? null
                : "the first line is not the header of the insurer's acknowledgement (expected: " + ack.header()
                        + "): a file without it would lose its first answer; nothing was applied";
    }

    @Override
    public String chunkKey(String line) {
        return null;
    }

    @Override
    public List<LineError> apply(ExchangeState exchange, List<RawLine> lines) {
        MovementLayout.Ack ack = mappings.get(exchange.fileKind()).orElseThrow().ack();
        List<LineError> errors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (RawLine line : lines) {
            String[] cells = line.text().split(java.util.regex.Pattern.quote(ack.delimiter()), -1);
            int needed = Math.max(ack.reference(), Math.max(ack.status(), ack.code()));
            if (line.badEncoding() || line.tooLong() || cells.length < needed) {
                errors.add(new LineError(line.lineNo(), "MALFORMED_LINE", "expected at least " + needed + " fields"));
                continue;
            }
            long reference;
            try {
                reference = Long.parseLong(cells[ack.reference() - 1].trim());
            } catch (NumberFormatException e) {
                errors.add(new LineError(line.lineNo(), "MALFORMED_LINE", "the reference is not a number"));
                continue;
            }
            String status = cells[ack.status() - 1].trim();
            String code = cells[ack.code() - 1].trim();
            if (status.equals(ack.accepted())) {
                statuses.add("ACCEPTED");
                codes.add(null);
                labels.add(null);
            } else if (status.equals(ack.rejected()) && ack.rejectionCodes().containsKey(code)) {
                statuses.add("REJECTED");
                codes.add(code);
                labels.add(ack.rejectionCodes().get(code));
            } else {
                errors.add(status.equals(ack.rejected())
                        ? new LineError(line.lineNo(), "UNKNOWN_REJECTION_CODE", "code '" + code + "' is not in the insurer's code table")
                        : new LineError(line.lineNo(), "BAD_STATUS", "status is neither " + ack.accepted() + " nor " + ack.rejected()));
                continue;
            }
            ids.add(reference);
            lineNos.add(line.lineNo());
        }
        Set<Long> found = new HashSet<>(jdbc.query(con -> {
            var ps = con.prepareStatement("""
                    update movement_dispatch d set status = x.status, insurer_code = x.code, insurer_label = x.label,
                           ack_exchange_id = ?, acked_at = now()
                    from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[]) as x(id, status, code, label)
                    where d.id = x.id and d.policy_number = ? and d.status in ('SENT', 'ACCEPTED', 'REJECTED')
                    returning d.id""");
            ps.setLong(1, exchange.id());
            ps.setArray(2, con.createArrayOf("int8", ids.toArray()));
            ps.setArray(3, con.createArrayOf("varchar", statuses.toArray()));
            ps.setArray(4, con.createArrayOf("varchar", codes.toArray()));
            ps.setArray(5, con.createArrayOf("varchar", labels.toArray()));
            ps.setString(6, exchange.fileKind());
            return ps;
        }, (rs, i) -> rs.getLong(1)));
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                errors.add(new LineError(lineNos.get(i), "UNKNOWN_REFERENCE", "no movement sent to this insurer has reference " + ids.get(i)));
            }
        }
        errors.sort(java.util.Comparator.comparingInt(LineError::lineNo));
        return errors;
    }

    @Override
    public Completion complete(ExchangeState exchange, boolean released) {
        return Completion.DONE;
    }
}
