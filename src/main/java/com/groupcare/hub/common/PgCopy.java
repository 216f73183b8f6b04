package com.groupcare.hub.common;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk inserts with PostgreSQL's COPY (several times faster than batched INSERTs), on the
 * connection of the current transaction. Rows are written in CSV: null is an unquoted empty field.
 */
public final class PgCopy {

    private PgCopy() {
    }

    public static <T> void insert(JdbcTemplate jdbc, String table, String columns, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (T row : rows) {
            Object[] fields = values.apply(row);
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                append(csv, fields[i]);
            }
            csv.append('\n');
        }
        String sql = "copy " + table + " (" + columns + ") from stdin with (format csv)";
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void append(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number || value instanceof Boolean || value instanceof java.util.UUID
                || value instanceof java.time.LocalDate || value instanceof Instant) {
            csv.append(value);
            return;
        }
        String text = value.toString();
        csv.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                csv.append('"');
            }
            csv.append(c);
        }
        csv.append('"');
    }
}
