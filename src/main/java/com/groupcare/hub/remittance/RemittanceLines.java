package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.groupcare.hub.common.PartnerText;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;

/**
 * Reads remittance lines in an insurer's layout: a line becomes a {@link RemittanceEntry} or a
 * rejected line with its number and reason (the file goes on). Amounts are exact decimals in the
 * contract's minor unit: more decimals than the currency has is a malformed amount, never rounded.
 */
final class RemittanceLines {

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    /** What the hub's columns hold: a longer value is a malformed line, never a failed chunk. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("transmittalNumber", 40, "claimNumber", 30, "matricule", 12,
            "actCode", 20, "rejectionCode", 20, "lineNo", 9, "rank", 9);
    /** Amounts up to 10^15 - 1 in the currency (numeric(18, 3)). */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);

    private RemittanceLines() {
    }

    /** Parses the data lines (header and trailer skipped), rejected ones to {@code rejected}. */
    static List<RemittanceEntry> parse(RemittanceLayout layout, int scale, List<RawLine> lines, Consumer<LineError> rejected) {
        List<RemittanceEntry> entries = new java.util.ArrayList<>(lines.size());
        for (RawLine line : lines) {
            if (layout.isTrailer(line.text()) || layout.isHeader(line.text())) {
                continue;
            }
            try {
                entries.add(parse(layout, scale, line));
            } catch (Malformed e) {
                rejected.accept(new LineError(line.lineNo(), e.code, e.getMessage()));
            }
        }
        return entries;
    }

    static RemittanceEntry parse(RemittanceLayout layout, int scale, RawLine line) {
        if (line.tooLong()) {
            throw new Malformed("LINE_TOO_LONG", "the line is longer than the limit");
        }
        if (line.badEncoding()) {
            throw new Malformed("BAD_ENCODING", "the line is not valid UTF-8");
        }
        if (PartnerText.hasControlCharacter(line.text())) {
            throw new Malformed("MALFORMED_LINE", "the line has a control character (NUL or other)");
        }
        String[] cells = layout.cells(line.text());
        if (cells != null && cells.length != layout.columns().size()) {
            throw new Malformed("MALFORMED_LINE", "expected " + layout.columns().size() + " fields, found " + cells.length);
        }
        Map<String, String> values = new HashMap<>();
        for (RemittanceLayout.Column column : layout.columns()) {
            String value = column.slot().read(line.text(), cells);
            if (value == null) {
                throw new Malformed("MALFORMED_LINE", "the line is too short for " + column.name());
            }
            Integer max = MAX_LENGTHS.get(column.field());
            if (max != null && value.length() > max) {
                throw new Malformed("MALFORMED_LINE", column.name() + " is longer than " + max + " characters");
            }
            values.put(column.field(), value.isEmpty() ? null : value);
        }
        String code = values.get("rejectionCode");
        String label = null;
        if (code != null) {
            label = layout.rejectionCodes().get(code);
            if (label == null) {
                throw new Malformed("UNKNOWN_REJECTION_CODE", "rejection code '" + code + "' is not in the insurer's code table");
            }
        }
        RemittanceEntry entry = new RemittanceEntry(line.lineNo(), values.get("transmittalNumber"), values.get("claimNumber"),
                integer(values.get("lineNo"), "line number"), values.get("matricule"), integer(values.get("rank"), "rank"),
                values.get("actCode"), date(layout, values.get("dateOfCare")), amount(layout, scale, values.get("amountPaid")),
                code, label);
        if (!entry.echoesNumbers() && (entry.matricule() == null || entry.rank() == null || entry.actCode() == null
                || entry.dateOfCare() == null)) {
            throw new Malformed("MALFORMED_LINE", "neither the claim number and line nor the matricule, rank, act and date "
                    + "of care: the line cannot be matched");
        }
        return entry;
    }

    /** An amount as written in the layout: a decimal (CSV) or digits with implied decimals (fixed width). */
    static BigDecimal amount(RemittanceLayout layout, int scale, String text) {
        if (text == null) {
            throw new Malformed("BAD_AMOUNT", "the amount paid is missing");
        }
        BigDecimal value;
        try {
            if (!DECIMAL.matcher(text).matches()) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text);
            if (layout.impliedDecimals() > 0) {
                if (text.contains(".")) {
                    throw new NumberFormatException();
                }
                value = value.movePointLeft(layout.impliedDecimals());
            }
        } catch (NumberFormatException e) {
            throw new Malformed("BAD_AMOUNT", "the amount paid is not a number");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new Malformed("BAD_AMOUNT", "the amount paid has more than " + scale + " decimals");
        }
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw new Malformed("BAD_AMOUNT", "the amount paid is out of range");
        }
        return value.setScale(scale);
    }

    private static Integer integer(String text, String what) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new Malformed("MALFORMED_LINE", "the " + what + " is not a number");
        }
    }

    private static LocalDate date(RemittanceLayout layout, String text) {
        if (text == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, layout.dateFormat());
        } catch (DateTimeParseException e) {
            throw new Malformed("BAD_DATE", "the date of care is not a valid date");
        }
        if (!PartnerText.plausible(date)) {
            throw new Malformed("BAD_DATE", "the date of care is not between 1900 and 2999");
        }
        return date;
    }

    static final class Malformed extends RuntimeException {
        final String code;

        Malformed(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
