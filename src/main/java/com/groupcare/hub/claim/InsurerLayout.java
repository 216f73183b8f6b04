package com.groupcare.hub.claim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** An insurer's transmittal file layout, from mappings/insurers/&lt;policy&gt;.yaml. */
record InsurerLayout(String fileName, String encoding, String delimiter, boolean header, String dateFormat,
                     List<Column> columns) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Column(String name, String field) {

        /** The column of the transmittal query this field reads (camelCase -> snake_case). */
        String sqlName() {
            return field.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase();
        }

        boolean isAmount() {
            return field.equals("amountCharged") || field.equals("expected");
        }
    }

    static InsurerLayout load(String dir, String policyNumber) {
        Path file = Path.of(dir, policyNumber + ".yaml");
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            List<Column> columns = new ArrayList<>();
            root.required("columns").forEach(c -> columns.add(new Column(c.required("name").asText(), c.required("field").asText())));
            return new InsurerLayout(root.path("file-name").asText("BE_{transmittalNumber}.csv"),
                    root.path("encoding").asText("UTF-8"), root.path("delimiter").asText(";"),
                    root.path("header").asBoolean(true), root.path("date-format").asText("dd/MM/yyyy"), columns);
        } catch (IOException e) {
            throw new UncheckedIOException("No transmittal layout for " + policyNumber + " in " + dir, e);
        }
    }
}
