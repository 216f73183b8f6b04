package com.groupcare.hub.provider;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads providers for comparison and writes them in JDBC batches; the JPA entity stays read-only. */
@Repository
class ProviderStore {

    // any fixed number: one key that every provider write takes (see lockProviders)
    private static final long PROVIDER_WRITE_LOCK = 0x50524f56L;

    private final JdbcTemplate jdbc;

    ProviderStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises provider writes until the transaction ends, so two imports (or an import and a PUT)
     * never both create the same code or audit a stale "before".
     */
    void lockProviders() {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, PROVIDER_WRITE_LOCK);
    }

    Map<String, ProviderData> load(Collection<String> codes) {
        Map<String, ProviderData> byCode = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.query("select * from provider where code = any(?)", rs -> {
                ProviderData p = provider(rs);
                byCode.put(p.code(), p);
            }, (Object) codes.toArray(String[]::new));
        }
        return byCode;
    }

    void insert(List<ProviderData> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into provider (name, specialty, conventioned, convention_start, convention_end, bank_account,
                    phone, email, city, status, created_at, updated_at, code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 500, (ps, p) -> {
            fields(ps, p);
            ps.setTimestamp(11, Timestamp.from(now));
            ps.setTimestamp(12, Timestamp.from(now));
            ps.setString(13, p.code());
        });
    }

    void update(List<ProviderData> rows, Instant now) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                update provider set name = ?, specialty = ?, conventioned = ?, convention_start = ?, convention_end = ?,
                    bank_account = ?, phone = ?, email = ?, city = ?, status = ?, updated_at = ?
                where code = ?""", rows, 500, (ps, p) -> {
            fields(ps, p);
            ps.setTimestamp(11, Timestamp.from(now));
            ps.setString(12, p.code());
        });
    }

    private static void fields(java.sql.PreparedStatement ps, ProviderData p) throws SQLException {
        ps.setString(1, p.name());
        ps.setString(2, p.specialty().name());
        ps.setBoolean(3, p.conventioned());
        ps.setObject(4, p.conventionStart(), Types.DATE);
        ps.setObject(5, p.conventionEnd(), Types.DATE);
        ps.setString(6, p.bankAccount());
        ps.setString(7, p.phone());
        ps.setString(8, p.email());
        ps.setString(9, p.city());
        ps.setString(10, p.status().name());
    }

    private static ProviderData provider(ResultSet rs) throws SQLException {
        return new ProviderData(rs.getString("code"), rs.getString("name"), Specialty.valueOf(rs.getString("specialty")),
                rs.getBoolean("conventioned"), rs.getObject("convention_start", LocalDate.class),
                rs.getObject("convention_end", LocalDate.class), rs.getString("bank_account"), rs.getString("phone"),
                rs.getString("email"), rs.getString("city"), Provider.Status.valueOf(rs.getString("status")));
    }
}
