package com.groupcare.hub.common;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What a partner's line may carry before any of it reaches the database: no control character
 * (PostgreSQL refuses NUL, and a CR or form feed would split or garble the files the hub writes back),
 * and dates within years PostgreSQL and people mean (year 0000 parses in Java, not in the database).
 * A line failing either is rejected on its own with its reason; it never fails the chunk around it.
 */
public final class PartnerText {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    private PartnerText() {
    }

    /** Whether the text holds a control character other than TAB, LF and CR. */
    public static boolean hasControlCharacter(String text) {
        return CONTROL.matcher(text).find();
    }

    /** Whether a date read from a partner's file is between 1900 and 2999. */
    public static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
