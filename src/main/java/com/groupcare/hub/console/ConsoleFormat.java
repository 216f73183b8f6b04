package com.groupcare.hub.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** Times as the console's pages show them (the hub's zone), called from the templates as {@code @consoleFormat}. */
@Component
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

    public String time(Object value) {
        if (value == null) {
            return "";
        }
        Instant at = value instanceof java.sql.Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
        return at == null ? value.toString() : TIME.format(at);
    }

    /** How long ago, in words a person reads at a glance. */
    public String age(Long seconds) {
        if (seconds == null) {
            return "";
        }
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? seconds / 60 + " min" : seconds / 3600 + " h";
    }
}
