package com.groupcare.hub.exchange;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Records every file the hub sends as an outbound exchange (partner, flow, name, SHA-256, size). */
@Service
public class ExchangeOutbound {

    private final JdbcTemplate jdbc;

    public ExchangeOutbound(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The exchange id of this file, read as a stream (a large data file is never held in memory); the
     * same content sent again (a redelivery) keeps its first record.
     */
    public long record(String partner, String flow, String fileName, java.nio.file.Path file, int lines) {
        return record(partner, flow, fileName, file, lines, null);
    }

    /**
     * The same, for a file written because of an inbound one (a provider's acknowledgement): the
     * inbound file's timeline shows it. The file's path is kept so the console can send it again.
     */
    public long record(String partner, String flow, String fileName, java.nio.file.Path file, int lines, Long sourceExchangeId) {
        String sha256 = ExchangeIntake.sha256(file);
        long size = ExchangeIntake.size(file);
        Long id = jdbc.query("""
                insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status, completed_at,
                    total_count, accepted_count, stored_path, source_exchange_id)
                values (?, ?, 'OUT', ?, ?, ?, 'DONE', now(), ?, ?, ?, ?) on conflict do nothing returning id""",
                rs -> rs.next() ? rs.getLong(1) : null, partner, flow, fileName, sha256, size, lines, lines,
                file.toAbsolutePath().toString(), sourceExchangeId);
        if (id != null) {
            return id;
        }
        return jdbc.queryForObject("select id from exchange where partner = ? and flow = ? and sha256 = ? and status <> 'DUPLICATE'",
                Long.class, partner, flow, sha256);
    }
}
