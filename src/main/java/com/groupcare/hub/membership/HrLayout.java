package com.groupcare.hub.membership;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.groupcare.hub.exchange.Arrival;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.Yaml;

/** The HR export layout read from {@code mappings/hr/hr-export.yaml}: columns, codes, file names. */
public record HrLayout(String delimiter, DateTimeFormatter dateFormat, List<String> columns, List<String> fields,
                       List<Integer> maxLengths, Pattern snapshotName, Pattern deltaName, DateTimeFormatter fileDateFormat,
                       Map<String, Map<String, Object>> codes, Arrival arrival) {

    /** The fields the hub knows; a column naming another is a typo that would leave a value unread. */
    static final Set<String> FIELDS = Set.of("matricule", "rank", "relationship", "lastName", "firstName", "birthDate",
            "gender", "nationalId", "hireDate", "leaveDate", "unitCode", "bankAccount", "phone", "email", "student",
            "disabled", "coverStart", "action");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "field", "required", "max");

    public enum FileKind { SNAPSHOT, DELTA }

    /** The kind and date a file name announces, empty when it matches neither pattern. */
    public record FileInfo(FileKind kind, LocalDate date) {
    }

    @SuppressWarnings("unchecked")
    public static HrLayout load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> names = (Map<String, Object>) yaml.get("file-names");
            List<Map<String, Object>> cols = (List<Map<String, Object>>) yaml.get("columns");
            cols.forEach(c -> checkColumn(c, resource.getDescription()));
            if (!cols.stream().map(c -> c.get("field")).collect(java.util.stream.Collectors.toSet()).equals(FIELDS)) {
                throw new IllegalStateException(resource.getDescription() + ": the columns must name each field once: " + FIELDS);
            }
            return new HrLayout(
                    (String) yaml.get("delimiter"),
                    strict((String) yaml.get("date-format")),
                    cols.stream().map(c -> (String) c.get("name")).toList(),
                    cols.stream().map(c -> (String) c.get("field")).toList(),
                    cols.stream().map(c -> (Integer) c.get("max")).toList(),
                    Pattern.compile((String) names.get("snapshot")),
                    Pattern.compile((String) names.get("delta")),
                    strict((String) names.get("date-format")),
                    (Map<String, Map<String, Object>>) yaml.get("codes"),
                    Arrival.from(yaml.get("arrival"), resource.getDescription()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("The HR layout " + resource.getDescription() + " is not valid: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the HR layout " + resource, e);
        }
    }

    private static void checkColumn(Map<String, Object> column, String source) {
        if (!COLUMN_KEYS.containsAll(column.keySet()) || !(column.get("name") instanceof String)
                || !FIELDS.contains(column.get("field")) || !(column.get("max") instanceof Integer max) || max < 1) {
            throw new IllegalStateException(source + ": column " + column + " needs a name, a known field "
                    + "and a max length, and no other key than " + COLUMN_KEYS);
        }
    }

    public Optional<FileInfo> classify(String fileName) {
        for (FileKind kind : FileKind.values()) {
            Matcher m = (kind == FileKind.SNAPSHOT ? snapshotName : deltaName).matcher(fileName);
            if (m.matches()) {
                try {
                    return Optional.of(new FileInfo(kind, LocalDate.parse(m.group(1), fileDateFormat)));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    public String header() {
        return String.join(delimiter, columns);
    }

    /** The code-name a partner code stands for in a code table, or null. */
    public Object code(String table, String partnerCode) {
        Map<String, Object> values = codes.get(table);
        return values == null ? null : values.get(partnerCode);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern.replace("yyyy", "uuuu")).withResolverStyle(ResolverStyle.STRICT);
    }
}
