package com.groupcare.hub.membership;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.scheduling.support.CronExpression;

/**
 * An insurer's membership movement file (avenants), the {@code movements:} section of its mapping
 * under mappings/insurers/: which org units the contract covers, when the file goes (cron), its
 * columns and codes, and the insurer's acknowledgement file. Checked when the hub starts.
 */
public record MovementLayout(String policyNumber, String fileName, CronExpression schedule, List<String> orgUnits,
                             String delimiter, DateTimeFormatter dateFormat, boolean header, String trailerMarker,
                             List<Column> columns, Map<String, String> typeCodes, Map<String, String> relationshipCodes,
                             Ack ack) {

    /** The org units a contract covers, with their sub-units (parameter: the units, empty for all). */
    static final String COVERED = """
            with recursive covered(code) as (
                select code from org_unit where code = any(?) union select o.code from org_unit o join covered c on o.parent_code = c.code)
            """;
    /** A member m the contract covers (parameter: the units again). */
    static final String COVERED_MEMBER = "(cardinality(?::varchar[]) = 0 or m.unit_code in (select code from covered))";

    static final Set<String> FIELDS = Set.of("reference", "policyNumber", "type", "effectiveDate", "matricule", "rank",
            "relationship", "lastName", "firstName", "birthDate", "gender", "nationalId", "cardNumber");
    private static final Set<String> KEYS = Set.of("file-name", "schedule", "org-units", "delimiter", "date-format", "header",
            "trailer-marker", "columns", "type-codes", "relationship-codes", "acknowledgement");
    private static final Set<String> ACK_KEYS = Set.of("file-name", "delimiter", "header", "reference", "status", "code",
            "accepted", "rejected", "rejection-codes");

    public record Column(String name, String field) {
    }

    /**
     * The insurer's answer: its header line (the column names), per line our reference, accepted or
     * rejected, and its code (columns 1-based).
     */
    public record Ack(Pattern fileName, String delimiter, String header, int reference, int status, int code, String accepted,
                      String rejected, Map<String, String> rejectionCodes) {
    }

    @SuppressWarnings("unchecked")
    static MovementLayout from(String policy, Map<String, Object> section, String source) {
        String where = source + " (movements)";
        unknown(section, KEYS, where);
        String fileName = text(section, "file-name", where);
        if (!fileName.contains("{number}")) {
            throw new IllegalStateException(where + ": file-name must contain {number}, e.g. MVT_" + policy + "_{number}.csv");
        }
        List<Column> columns = ((List<Map<String, Object>>) required(section, "columns", where)).stream().map(c -> {
            if (!FIELDS.contains(String.valueOf(c.get("field"))) || !(c.get("name") instanceof String)) {
                throw new IllegalStateException(where + ": column " + c + " needs a name and a known field; fields are " + FIELDS);
            }
            return new Column((String) c.get("name"), (String) c.get("field"));
        }).toList();
        Map<String, String> types = strings((Map<String, Object>) required(section, "type-codes", where));
        if (!types.keySet().equals(Set.of("INCORPORATION", "RETRAIT", "MODIFICATION"))) {
            throw new IllegalStateException(where + ": type-codes must give INCORPORATION, RETRAIT and MODIFICATION");
        }
        Map<String, String> relationships = strings((Map<String, Object>) section.getOrDefault("relationship-codes",
                Map.of("MEMBER", "MEMBER", "SPOUSE", "SPOUSE", "CHILD", "CHILD")));
        if (!relationships.keySet().equals(Set.of("MEMBER", "SPOUSE", "CHILD"))) {
            throw new IllegalStateException(where + ": relationship-codes must give MEMBER, SPOUSE and CHILD");
        }
        String cron = text(section, "schedule", where);
        CronExpression schedule;
        try {
            schedule = CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": schedule '" + cron + "' is not a cron expression "
                    + "(second minute hour day month weekday, e.g. \"0 0 18 * * MON-FRI\")");
        }
        return new MovementLayout(policy, fileName, schedule,
                List.copyOf((List<String>) section.getOrDefault("org-units", List.of())),
                String.valueOf(section.getOrDefault("delimiter", ";")),
                DateTimeFormatter.ofPattern(String.valueOf(section.getOrDefault("date-format", "dd/MM/yyyy"))),
                !Boolean.FALSE.equals(section.get("header")), (String) section.get("trailer-marker"), columns, types,
                relationships, ack((Map<String, Object>) required(section, "acknowledgement", where), where + " acknowledgement"));
    }

    @SuppressWarnings("unchecked")
    private static Ack ack(Map<String, Object> section, String where) {
        unknown(section, ACK_KEYS, where);
        String name = text(section, "file-name", where);
        if (!name.contains("(")) {
            throw new IllegalStateException(where + ": file-name needs a group capturing the file date");
        }
        if (!(section.get("header") instanceof String header) || header.isBlank()) {
            throw new IllegalStateException(where + ": 'header' must be the acknowledgement's first line, its column names "
                    + "(e.g. \"reference;statut;code\"): a file without it is refused, not read one line short");
        }
        return new Ack(Pattern.compile(name), String.valueOf(section.getOrDefault("delimiter", ";")),
                header, number(section, "reference", where), number(section, "status", where),
                number(section, "code", where), text(section, "accepted", where), text(section, "rejected", where),
                strings((Map<String, Object>) section.getOrDefault("rejection-codes", Map.of())));
    }

    private static Object required(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalStateException(where + ": '" + key + "' is required");
        }
        return value;
    }

    private static String text(Map<String, Object> map, String key, String where) {
        return String.valueOf(required(map, key, where));
    }

    private static int number(Map<String, Object> map, String key, String where) {
        if (!(map.get(key) instanceof Number n) || n.intValue() < 1) {
            throw new IllegalStateException(where + ": '" + key + "' must be a column number from 1");
        }
        return n.intValue();
    }

    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return Map.copyOf(out);
    }

    private static void unknown(Map<String, Object> map, Set<String> known, String where) {
        map.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalStateException(where + ": unknown key '" + k + "' (known: " + known + ")");
        });
    }
}
