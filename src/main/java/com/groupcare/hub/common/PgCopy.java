package com.groupcare.hub.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk inserts with PostgreSQL's COPY (several times faster than batched INSERTs), on the
 * connection of the current transaction. Rows are written in CSV: null is an unquoted empty field.
 */
public final class PgCopy {

    private static final int BLOCK = 256 * 1024;

    private PgCopy() {
    }

    public static <T> void insert(JdbcTemplate jdbc, String table, String columns, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "copy " + table + " (" + columns + ") from stdin with (format csv)";
        jdbc.execute((ConnectionCallback<Long>) con -> {
            // sent a block at a time as it is written: the database parses one block while the next is formatted
            CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                StringBuilder csv = new StringBuilder(BLOCK + 1024);
                for (T row : rows) {
                    Object[] fields = values.apply(row);
                    for (int i = 0; i < fields.length; i++) {
                        if (i > 0) {
                            csv.append(',');
                        }
                        append(csv, fields[i]);
                    }
                    csv.append('\n');
                    if (csv.length() >= BLOCK) {
                        send(copy, csv);
                    }
                }
                send(copy, csv);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private static void send(CopyIn copy, StringBuilder csv) throws java.sql.SQLException {
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        csv.setLength(0);
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
