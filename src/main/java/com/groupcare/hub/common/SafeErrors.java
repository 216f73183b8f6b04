package com.groupcare.hub.common;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.regex.Pattern;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Error messages fit for logs, exchanges and the console: database errors quote values (a key, a
 * batch line with names and phone numbers), so only the error's kind and SQL state are kept.
 */
public final class SafeErrors {

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|\\([^)]*\\)=\\([^)]*\\)");

    private SafeErrors() {
    }

    public static String describe(Throwable error) {
        Throwable root = root(error);
        if (root instanceof SQLException sql) {
            return "database error " + sql.getSQLState() + ": " + firstLine(sql.getMessage());
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
    }

    /** An outage (database or broker away, connection lost, deadlock) the hub can retry by itself. */
    public static boolean isTransient(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof jakarta.jms.JMSException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                        || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        int detail = line.indexOf("Detail:");
        if (detail >= 0) {
            line = line.substring(0, detail);
        }
        line = QUOTED.matcher(line).replaceAll("…");
        return line.length() > 300 ? line.substring(0, 300) : line.strip();
    }
}
