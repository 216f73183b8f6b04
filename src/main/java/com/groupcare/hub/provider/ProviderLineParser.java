package com.groupcare.hub.provider;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.groupcare.hub.common.CsvLines;
import org.apache.commons.csv.CSVFormat;

/** Turns one line of the provider list into a provider or a rejection with its reason, without Spring. */
final class ProviderLineParser {

    private final ProviderLayout layout;
    private final Map<String, String> columns;
    private final ProviderRules rules;
    private final CSVFormat format;

    ProviderLineParser(ProviderLayout layout) {
        this.layout = layout;
        this.columns = layout.columnOfField();
        this.rules = new ProviderRules(columns);
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).setTrim(true).get();
    }

    ProviderLine parse(int lineNo, String text, boolean validEncoding) {
        Map<String, String> f = fields(text);
        if (f == null) {
            return ProviderLine.rejected(lineNo, ProviderRejection.WRONG_COLUMN_COUNT,
                    "expected " + layout.columns().size() + " columns separated by '" + layout.delimiter() + "'", null);
        }
        String code = ProviderRules.CODE.matcher(f.get("code")).matches() ? f.get("code") : null;
        try {
            if (!validEncoding) {
                throw new InvalidProvider(ProviderRejection.BAD_ENCODING, "line is not valid UTF-8");
            }
            rules.checkCode(f.get("code"));
            ProviderData data = new ProviderData(code,
                    ProviderRules.clean(f.get("name")),
                    specialty(f.get("specialty")),
                    conventioned(f.get("conventioned")),
                    date(f, "conventionStart"),
                    date(f, "conventionEnd"),
                    ProviderRules.cleanAccount(f.get("bankAccount")),
                    ProviderRules.clean(f.get("phone")),
                    ProviderRules.clean(f.get("email")),
                    ProviderRules.clean(f.get("city")),
                    Provider.Status.ACTIVE);
            rules.check(data);
            return ProviderLine.ok(lineNo, data);
        } catch (InvalidProvider e) {
            return ProviderLine.rejected(lineNo, e.reason(), e.getMessage(), code);
        }
    }

    /** The fields by name, or null when the line is not CSV or has the wrong number of columns. */
    private Map<String, String> fields(String text) {
        return CsvLines.fields(text, format, layout.fields());
    }

    private Specialty specialty(String value) {
        if (value.isEmpty()) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD, column("specialty") + " is required");
        }
        Object mapped = layout.code("specialty", value.toUpperCase(java.util.Locale.ROOT));
        if (mapped == null) {
            throw new InvalidProvider(ProviderRejection.INVALID_CODE, column("specialty") + " has an unknown code");
        }
        return Specialty.valueOf(mapped.toString());
    }

    private boolean conventioned(String value) {
        if (value.isEmpty()) {
            throw new InvalidProvider(ProviderRejection.MISSING_FIELD, column("conventioned") + " is required");
        }
        Object mapped = layout.code("yes-no", value.toUpperCase(java.util.Locale.ROOT));
        if (mapped == null) {
            throw new InvalidProvider(ProviderRejection.INVALID_CODE, column("conventioned") + " must be O or N");
        }
        return (Boolean) mapped;
    }

    private LocalDate date(Map<String, String> f, String field) {
        String value = f.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value, layout.dateFormat());
            if (!com.groupcare.hub.common.PartnerText.plausible(date)) {
                throw new DateTimeParseException("out of range", value, 0);
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidProvider(ProviderRejection.INVALID_DATE, column(field) + " is not a valid date (day/month/year)");
        }
    }

    private String column(String field) {
        return columns.get(field);
    }
}
