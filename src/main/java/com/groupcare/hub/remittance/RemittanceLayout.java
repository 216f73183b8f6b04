package com.groupcare.hub.remittance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An insurer's remittance layout, the {@code remittance:} section of its mapping under
 * mappings/insurers/: CSV (columns in order, a header of their names) or fixed width (columns at
 * start and length, records told apart by a marker), a trailer with the line count and total, and
 * the insurer's rejection codes. Validated when the hub starts: a typo stops it with the reason.
 */
public record RemittanceLayout(String policyNumber, Pattern fileName, DateTimeFormatter fileDate, Format format,
                               String delimiter, DateTimeFormatter dateFormat, int impliedDecimals, String headerMarker,
                               String trailerMarker, Slot trailerCount, Slot trailerTotal, List<Column> columns,
                               Map<String, String> rejectionCodes) {

    public enum Format { CSV, FIXED }

    /** The fields a remittance line can carry; amountPaid and a way to match (numbers or care) are required. */
    static final Set<String> FIELDS = Set.of("transmittalNumber", "claimNumber", "lineNo", "matricule", "rank",
            "actCode", "dateOfCare", "amountPaid", "rejectionCode");
    private static final Set<String> KEYS = Set.of("file-name", "file-date-format", "format", "delimiter", "date-format",
            "implied-decimals", "header-marker", "trailer", "columns", "rejection-codes");

    /** Where a value is: a column index (CSV, 1-based) or a start (1-based) and length (fixed width). */
    public record Slot(int index, int start, int length) {

        String read(String line, String[] cells) {
            if (cells != null) {
                return index <= cells.length ? cells[index - 1].trim() : null;
            }
            // trailing blanks are often trimmed by the partner's tools: a short line reads blank where it ends
            int from = Math.min(start - 1, line.length());
            return line.substring(from, Math.min(start - 1 + length, line.length())).trim();
        }
    }

    public record Column(String name, String field, Slot slot) {
    }

    @SuppressWarnings("unchecked")
    static RemittanceLayout from(String policyNumber, Map<String, Object> section, String source) {
        String where = source + " (remittance)";
        unknownKeys(section, KEYS, where);
        Format format = Format.valueOf(required(section, "format", where).toUpperCase());
        List<Column> columns = new ArrayList<>();
        List<Map<String, Object>> cols = (List<Map<String, Object>>) section.get("columns");
        if (cols == null || cols.isEmpty()) {
            throw new IllegalStateException(where + ": no columns");
        }
        for (int i = 0; i < cols.size(); i++) {
            Map<String, Object> c = cols.get(i);
            String field = String.valueOf(c.get("field"));
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException(where + ": column " + c + " names an unknown field '" + field + "'; fields are " + FIELDS);
            }
            if (columns.stream().anyMatch(k -> k.field().equals(field))) {
                throw new IllegalStateException(where + ": field " + field + " appears twice");
            }
            columns.add(new Column(String.valueOf(c.getOrDefault("name", field)), field, slot(format, c, i + 1, where)));
        }
        Set<String> fields = new java.util.HashSet<>(columns.stream().map(Column::field).toList());
        boolean byNumbers = fields.containsAll(Set.of("claimNumber", "lineNo"));
        boolean byCare = fields.containsAll(Set.of("matricule", "rank", "actCode", "dateOfCare"));
        if (!fields.contains("amountPaid") || !(byNumbers || byCare)) {
            throw new IllegalStateException(where + ": the columns need amountPaid and either claimNumber + lineNo or "
                    + "matricule + rank + actCode + dateOfCare to match a line");
        }
        Map<String, Object> trailer = (Map<String, Object>) section.get("trailer");
        if (trailer == null) {
            throw new IllegalStateException(where + ": a trailer (marker, count, total) is required");
        }
        unknownKeys(trailer, Set.of("marker", "count", "total"), where + " trailer");
        Map<String, String> codes = new LinkedHashMap<>();
        ((Map<String, Object>) section.getOrDefault("rejection-codes", Map.of())).forEach((k, v) -> codes.put(k, String.valueOf(v)));
        if (fields.contains("rejectionCode") && codes.isEmpty()) {
            throw new IllegalStateException(where + ": rejectionCode is read but rejection-codes is empty");
        }
        String fileName = required(section, "file-name", where);
        if (!fileName.contains("(")) {
            throw new IllegalStateException(where + ": file-name needs a group capturing the file date, e.g. REMB_(\\d{8})\\.csv");
        }
        return new RemittanceLayout(policyNumber, Pattern.compile(fileName),
                strict(String.valueOf(section.getOrDefault("file-date-format", "yyyyMMdd"))), format,
                String.valueOf(section.getOrDefault("delimiter", ";")),
                strict(String.valueOf(section.getOrDefault("date-format", "dd/MM/yyyy"))),
                ((Number) section.getOrDefault("implied-decimals", 0)).intValue(),
                format == Format.FIXED ? required(section, "header-marker", where) : null,
                required(trailer, "marker", where + " trailer"),
                slot(format, trailer.get("count"), 2, where + " trailer count"),
                slot(format, trailer.get("total"), 3, where + " trailer total"),
                List.copyOf(columns), Map.copyOf(codes));
    }

    @SuppressWarnings("unchecked")
    private static Slot slot(Format format, Object spec, int defaultIndex, String where) {
        if (format == Format.CSV) {
            Object index = spec instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("index") : spec;
            return new Slot(index instanceof Number n ? n.intValue() : defaultIndex, 0, 0);
        }
        if (!(spec instanceof Map<?, ?> m) || !(m.get("start") instanceof Number start) || !(m.get("length") instanceof Number length)
                || start.intValue() < 1 || length.intValue() < 1) {
            throw new IllegalStateException(where + ": a fixed-width value needs start and length (1-based): " + spec);
        }
        return new Slot(0, start.intValue(), length.intValue());
    }

    private static String required(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IllegalStateException(where + ": '" + key + "' is required");
        }
        return String.valueOf(value);
    }

    static void unknownKeys(Map<String, Object> map, Set<String> known, String where) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalStateException(where + ": unknown key '" + key + "' (known: " + known + ")");
            }
        }
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }

    /** The file date when the name is one of this insurer's remittances. */
    Optional<LocalDate> dateOf(String name) {
        Matcher m = fileName.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(m.group(1), fileDate));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The header a CSV file must start with (its column names), or the marker a fixed-width header starts with. */
    Column column(String field) {
        return columns.stream().filter(c -> c.field().equals(field)).findFirst().orElse(null);
    }

    String expectedHeader() {
        return format == Format.CSV ? String.join(delimiter, columns.stream().map(Column::name).toList()) : headerMarker;
    }

    /** The first line is the header, whether or not a spreadsheet put a byte-order mark before it. */
    boolean isHeader(String line) {
        String text = (line.startsWith("\uFEFF") ? line.substring(1) : line).trim();
        if (format != Format.CSV) {
            return text.startsWith(headerMarker);
        }
        // asked of every line: the first column's name tells a data line at once, before the whole header is built
        String first = columns.get(0).name();
        return text.regionMatches(true, 0, first, 0, first.length()) && text.equalsIgnoreCase(expectedHeader());
    }

    boolean isTrailer(String line) {
        return format == Format.CSV ? line.startsWith(trailerMarker) && (line.startsWith(delimiter, trailerMarker.length())
                || line.trim().equals(trailerMarker)) : line.startsWith(trailerMarker);
    }

    /** The cells of a CSV line (null for fixed width, read by position). */
    String[] cells(String line) {
        if (format != Format.CSV) {
            return null;
        }
        List<String> cells = new ArrayList<>(columns.size());
        int from = 0;
        for (int at = line.indexOf(delimiter); at >= 0; at = line.indexOf(delimiter, from)) {
            cells.add(line.substring(from, at));
            from = at + delimiter.length();
        }
        cells.add(line.substring(from));
        return cells.toArray(String[]::new);
    }
}
