package com.groupcare.hub.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One line of a partner's CSV file, read field by field against its layout's column list. */
public final class CsvLines {

    private CsvLines() {
    }

    /** The fields by name, or null when the line is not CSV or has not exactly one value per field. */
    public static Map<String, String> fields(String text, CSVFormat format, List<String> fields) {
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
        if (records.size() != 1 || records.get(0).size() != fields.size()) {
            return null;
        }
        Map<String, String> byField = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            byField.put(fields.get(i), records.get(0).get(i));
        }
        return byField;
    }
}
