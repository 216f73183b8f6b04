package com.groupcare.hub.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.groupcare.hub.provider.Specialty;

/**
 * One provider group's invoice layout (mappings/providers/invoices/&lt;group&gt;.yaml): the file name,
 * the header line, the invoice and act records with their columns, and the acknowledgement the group
 * reads back. Bound from the mapping and checked when the hub starts: an unknown key, column or
 * missing column stops the hub with the file and the reason, never a silent empty column.
 */
record InvoiceLayout(String group, Pattern fileName, String header, char delimiter, char decimalSeparator,
                     DateTimeFormatter dates, Record invoice, Record line, Ack ack, Set<Specialty> specialties) {

    static final Set<String> INVOICE_FIELDS = Set.of("type", "invoice", "provider", "invoice-date", "total", "card",
            "matricule", "rank", "last-name", "first-name", "birth-date", "-");
    static final Set<String> LINE_FIELDS = Set.of("type", "invoice", "date-of-care", "act", "quantity", "amount", "voucher", "-");
    static final Set<String> ACK_FIELDS = Set.of("line", "invoice", "act", "date-of-care", "status", "code", "label",
            "amount-accepted", "message");
    private static final Set<String> KEYS = Set.of("group", "file-name", "header", "delimiter", "decimal-separator",
            "date-format", "invoice", "line", "acknowledgement", "specialties");

    /** A record type: the value of its first column and its columns in order ("-" for a column the hub ignores). */
    record Record(String type, List<String> columns) {

        int width() {
            return columns.size();
        }

        /** The cell of a field, or "" when the layout has no such column. */
        String cell(String[] cells, String field) {
            int i = columns.indexOf(field);
            return i < 0 ? "" : cells[i].strip();
        }

        boolean has(String field) {
            return columns.contains(field);
        }
    }

    /** The acknowledgement file: name ({name} = the invoice file's), header, columns, and the group's words for the two outcomes. */
    record Ack(String fileName, String header, List<String> columns, String accepted, String rejected) {

        String nameFor(String invoiceFile) {
            return fileName.replace("{name}", invoiceFile);
        }
    }

    /** The date the file name announces, when the name is this group's. */
    Optional<LocalDate> dateOf(String name) {
        Matcher m = fileName.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE));
    }

    /** The record type of a line's cells, or null when it is neither an invoice nor an act record. */
    Record recordOf(String[] cells) {
        String type = cells[0].strip();
        return type.equals(invoice.type()) ? invoice : type.equals(line.type()) ? line : null;
    }

    /** The line's cells; the group's delimiter, no quoting (partners' files never quote). */
    String[] cells(String text) {
        return text.split(Pattern.quote(String.valueOf(delimiter)), -1);
    }

    BigDecimal amount(String text) {
        String plain = decimalSeparator == '.' ? text : text.replace(decimalSeparator, '.');
        // at most 3 decimals (the currencies' finest unit) and 12 digits before: what the hub's columns keep exactly
        if (!plain.matches("-?\\d{1,12}(\\.\\d{1,3})?")) {
            throw new NumberFormatException(text);
        }
        return new BigDecimal(plain);
    }

    String format(BigDecimal amount) {
        String plain = amount.toPlainString();
        return decimalSeparator == '.' ? plain : plain.replace('.', decimalSeparator);
    }

    @SuppressWarnings("unchecked")
    static InvoiceLayout from(Map<String, Object> yaml) {
        unknownKeys(yaml, KEYS, "");
        String group = text(yaml, "group");
        Pattern name = Pattern.compile(text(yaml, "file-name"));
        if (name.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("file-name must capture the file date (yyyyMMdd) as its first group");
        }
        String delimiter = text(yaml, "delimiter");
        String decimal = text(yaml, "decimal-separator");
        if (delimiter.length() != 1 || decimal.length() != 1 || delimiter.equals(decimal)) {
            throw new IllegalArgumentException("delimiter and decimal-separator must be one character each, and differ");
        }
        DateTimeFormatter dates = DateTimeFormatter.ofPattern(text(yaml, "date-format").replace("yyyy", "uuuu"))
                .withResolverStyle(ResolverStyle.STRICT);
        Record invoice = record((Map<String, Object>) section(yaml, "invoice"), INVOICE_FIELDS, "invoice");
        Record line = record((Map<String, Object>) section(yaml, "line"), LINE_FIELDS, "line");
        require(invoice, "invoice", "type", "invoice", "provider", "invoice-date", "total", "rank");
        if (!invoice.has("card") && !invoice.has("matricule")) {
            throw new IllegalArgumentException("invoice.columns must have card or matricule: the beneficiary is found by one of them");
        }
        require(line, "line", "type", "invoice", "date-of-care", "act", "amount");
        if (invoice.type().equals(line.type())) {
            throw new IllegalArgumentException("invoice.type and line.type must differ");
        }
        Map<String, Object> ack = (Map<String, Object>) section(yaml, "acknowledgement");
        unknownKeys(ack, Set.of("file-name", "header", "columns", "accepted", "rejected"), "acknowledgement.");
        List<String> ackColumns = columns(ack, ACK_FIELDS, "acknowledgement");
        String ackName = text(ack, "file-name");
        if (!ackName.contains("{name}")) {
            throw new IllegalArgumentException("acknowledgement.file-name must contain {name}, the invoice file's name");
        }
        return new InvoiceLayout(group, name, text(yaml, "header"), delimiter.charAt(0), decimal.charAt(0), dates, invoice, line,
                new Ack(ackName, text(ack, "header"), ackColumns, text(ack, "accepted"), text(ack, "rejected")), specialties(yaml));
    }

    /** The kinds of provider the group bills for: an invoice of any other provider is refused. */
    private static Set<Specialty> specialties(Map<String, Object> yaml) {
        if (!(yaml.get("specialties") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("specialties must list the kinds of provider the group bills for (known: "
                    + java.util.Arrays.toString(Specialty.values()) + ")");
        }
        java.util.EnumSet<Specialty> specialties = java.util.EnumSet.noneOf(Specialty.class);
        for (Object s : list) {
            try {
                specialties.add(Specialty.valueOf(String.valueOf(s)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("specialties: unknown specialty '" + s + "' (known: "
                        + java.util.Arrays.toString(Specialty.values()) + ")");
            }
        }
        return specialties;
    }

    private static Record record(Map<String, Object> section, Set<String> fields, String name) {
        unknownKeys(section, Set.of("type", "columns"), name + ".");
        List<String> columns = columns(section, fields, name);
        if (!"type".equals(columns.get(0))) {
            throw new IllegalArgumentException(name + ".columns must start with type (the record type)");
        }
        return new Record(text(section, "type"), columns);
    }

    private static List<String> columns(Map<String, Object> section, Set<String> fields, String name) {
        if (!(section.get("columns") instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(name + ".columns must be a list of column names");
        }
        List<String> columns = new ArrayList<>();
        for (Object column : list) {
            String field = String.valueOf(column);
            if (!fields.contains(field)) {
                throw new IllegalArgumentException(name + ".columns: unknown column '" + field + "' (known: "
                        + fields.stream().sorted().toList() + ")");
            }
            if (!field.equals("-") && columns.contains(field)) {
                throw new IllegalArgumentException(name + ".columns: '" + field + "' appears twice");
            }
            columns.add(field);
        }
        return List.copyOf(columns);
    }

    private static void require(Record record, String name, String... fields) {
        for (String field : fields) {
            if (!record.has(field)) {
                throw new IllegalArgumentException(name + ".columns must have " + field);
            }
        }
    }

    private static Object section(Map<String, Object> yaml, String key) {
        if (!(yaml.get(key) instanceof Map<?, ?> section)) {
            throw new IllegalArgumentException(key + " must be a section");
        }
        return section;
    }

    private static String text(Map<String, Object> yaml, String key) {
        Object value = yaml.get(key);
        if (value == null || String.valueOf(value).isEmpty()) {
            throw new IllegalArgumentException(key + " is required");
        }
        return String.valueOf(value);
    }

    private static void unknownKeys(Map<String, Object> yaml, Set<String> known, String prefix) {
        for (String key : yaml.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown key " + prefix + key + " (known: " + known.stream().sorted().toList() + ")");
            }
        }
    }
}
