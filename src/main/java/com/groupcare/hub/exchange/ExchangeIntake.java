package com.groupcare.hub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers every inbound file as an exchange (partner, flow, name, SHA-256, size) and keeps
 * the original under {@code <data-dir>/exchanges/<id>/} so it can be replayed. The same content
 * from the same partner and flow (line ends and a byte order mark aside) is processed once; a file refused as a whole is kept too, but
 * the same bytes under a better name are a new exchange.
 */
@Service
public class ExchangeIntake {

    private static final Logger log = LoggerFactory.getLogger(ExchangeIntake.class);

    private final JdbcTemplate jdbc;
    private final Path store;

    public ExchangeIntake(JdbcTemplate jdbc, @Value("${hub.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.store = Path.of(dataDir, "exchanges").toAbsolutePath().normalize();
    }

    @Transactional
    public Intake receive(Path file, String fileName, String partner, String flow, String fileKind,
                          java.time.LocalDate fileDate) {
        String sha256 = sha256(file);
        long size = size(file);
        List<Map<String, Object>> existing = jdbc.queryForList("""
                select id, status, chunks_expected from exchange
                where partner = ? and flow = ? and sha256 = ? and status <> 'DUPLICATE' and replayable for no key update""",
                partner, flow, sha256);
        if (existing.isEmpty()) {
            Long id = jdbc.queryForObject("""
                    insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, file_kind, file_date, status)
                    values (?, ?, 'IN', ?, ?, ?, ?, ?, 'RECEIVED') returning id""",
                    Long.class, partner, flow, fileName, sha256, size, fileKind, fileDate);
            jdbc.update("update exchange set stored_path = ? where id = ?", storeOriginal(file, id, fileName).toString(), id);
            log.info("Exchange {} received: {} {} file of {} bytes", id, partner, flow, size);
            return new Intake(id, IntakeOutcome.NEW, null);
        }
        long id = ((Number) existing.get(0).get("id")).longValue();
        ExchangeStatus status = ExchangeStatus.valueOf((String) existing.get(0).get("status"));
        boolean splitDone = existing.get(0).get("chunks_expected") != null;
        if (status == ExchangeStatus.FAILED || status == ExchangeStatus.RECEIVED
                || (status == ExchangeStatus.PROCESSING && !splitDone)) {
            jdbc.update("""
                    update exchange set status = 'RECEIVED', failure_reason = null, retry_at = null, updated_at = now()
                    where id = ?""", id);
            log.info("Exchange {} received again before it finished: resuming", id);
            return new Intake(id, IntakeOutcome.RESUME, null);
        }
        Long duplicateId = jdbc.queryForObject("""
                insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, file_kind, file_date,
                                      status, duplicate_of, completed_at)
                values (?, ?, 'IN', ?, ?, ?, ?, ?, 'DUPLICATE', ?, now()) returning id""",
                Long.class, partner, flow, fileName, sha256, size, fileKind, fileDate, id);
        log.warn("Exchange {} is a duplicate of exchange {}: nothing applied", duplicateId, id);
        return new Intake(duplicateId, IntakeOutcome.DUPLICATE, id);
    }

    /**
     * A file refused as a whole: marked failed with the reason, never resumed by its content. Its original
     * is kept once: the same bytes refused again under other names share the first copy.
     */
    @Transactional
    public Intake refuse(Path file, String fileName, String partner, String flow, String reason) {
        String sha256 = sha256(file);
        long id = recordRefusal(fileName, partner, flow, sha256, size(file), reason);
        String kept = jdbc.query("""
                select stored_path from exchange where partner = ? and flow = ? and sha256 = ? and status = 'FAILED'
                and not replayable and stored_path is not null and id <> ? order by id limit 1""",
                rs -> rs.next() ? rs.getString(1) : null, partner, flow, sha256, id);
        if (kept == null || !Files.exists(Path.of(kept))) {
            kept = storeOriginal(file, id, fileName).toString();
        }
        jdbc.update("update exchange set stored_path = ? where id = ?", kept, id);
        return new Intake(id, IntakeOutcome.REFUSED, null);
    }

    /** A file refused before anything is read of it (over the size limit): recorded, its original not kept. */
    @Transactional
    public Intake refuseUnkept(Path file, String fileName, String partner, String flow, String reason) {
        return new Intake(recordRefusal(fileName, partner, flow, sha256(file), size(file), reason), IntakeOutcome.REFUSED, null);
    }

    private long recordRefusal(String fileName, String partner, String flow, String sha256, long size, String reason) {
        Long id = jdbc.queryForObject("""
                insert into exchange (partner, flow, direction, file_name, sha256, size_bytes, status, failure_reason,
                                      completed_at, replayable)
                values (?, ?, 'IN', ?, ?, ?, 'FAILED', left(?, 1000), now(), false) returning id""",
                Long.class, partner, flow, fileName, sha256, size, reason);
        log.warn("Exchange {} refused as a whole: {}", id, reason);
        return id;
    }

    public Path storedPath(long exchangeId) {
        return Path.of(jdbc.queryForObject("select stored_path from exchange where id = ?", String.class, exchangeId));
    }

    private Path storeOriginal(Path file, long id, String fileName) {
        try {
            Files.createDirectories(store);
            OwnerOnly.directory(store);
            Path dir = Files.createDirectories(store.resolve(Long.toString(id)));
            OwnerOnly.directory(dir);
            Path target = dir.resolve(Path.of(fileName).getFileName().toString());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            OwnerOnly.file(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the original of exchange " + id, e);
        }
    }

    /**
     * SHA-256 of the file's content as lines: without a leading UTF-8 byte order mark, every CRLF or CR
     * read as LF. The same file saved again by another editor or system (a resend with Windows line ends)
     * is then the same content, processed once, not a second remittance paid again.
     */
    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            boolean first = true;
            boolean afterCr = false;
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                int from = 0;
                if (first && n >= 3 && buffer[0] == (byte) 0xEF && buffer[1] == (byte) 0xBB && buffer[2] == (byte) 0xBF) {
                    from = 3;
                }
                first = false;
                if (afterCr && from < n && buffer[from] == '\n') {
                    from++;
                }
                afterCr = false;
                int run = from;
                for (int i = from; i < n; i++) {
                    if (buffer[i] == '\r') {
                        digest.update(buffer, run, i - run);
                        digest.update((byte) '\n');
                        if (i + 1 < n && buffer[i + 1] == '\n') {
                            i++;
                        } else if (i + 1 == n) {
                            afterCr = true;
                        }
                        run = i + 1;
                    }
                }
                digest.update(buffer, run, n - run);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
