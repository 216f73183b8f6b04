package com.groupcare.hub.remittance;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The complaint file an insurer receives (the {@code complaints:} section of its mapping): CSV columns in order. */
record ComplaintLayout(String fileName, String delimiter, DateTimeFormatter dateFormat, List<Column> columns) {

    static final Set<String> FIELDS = Set.of("complaintNumber", "policyNumber", "transmittalNumber", "claimNumber", "lineNo",
            "matricule", "rank", "actCode", "dateOfCare", "expected", "paid", "difference", "reason");

    record Column(String name, String field) {
    }

    @SuppressWarnings("unchecked")
    static ComplaintLayout from(Map<String, Object> section, String source) {
        String where = source + " (complaints)";
        RemittanceLayout.unknownKeys(section, Set.of("file-name", "delimiter", "date-format", "columns"), where);
        Object fileName = section.get("file-name");
        if (!(fileName instanceof String name) || !name.contains("{number}")) {
            throw new IllegalStateException(where + ": file-name must contain {number} (the file's sequence), e.g. REC_{number}.csv");
        }
        List<Map<String, Object>> cols = (List<Map<String, Object>>) section.get("columns");
        if (cols == null || cols.isEmpty()) {
            throw new IllegalStateException(where + ": no columns");
        }
        List<Column> columns = cols.stream().map(c -> {
            String field = String.valueOf(c.get("field"));
            if (!FIELDS.contains(field) || !(c.get("name") instanceof String)) {
                throw new IllegalStateException(where + ": column " + c + " needs a name and a known field; fields are " + FIELDS);
            }
            return new Column((String) c.get("name"), field);
        }).toList();
        return new ComplaintLayout(name, String.valueOf(section.getOrDefault("delimiter", ";")),
                DateTimeFormatter.ofPattern(String.valueOf(section.getOrDefault("date-format", "dd/MM/yyyy"))), columns);
    }
}
