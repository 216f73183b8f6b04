package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import com.groupcare.hub.claim.ClaimRequests.NewLine;
import com.groupcare.hub.common.CsvLines;
import com.groupcare.hub.common.PartnerText;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.RawLine;
import org.apache.commons.csv.CSVFormat;

/**
 * The claims import layout (docs/formats/claims-import.md): lines grouped into claim forms, each
 * form checked whole; a form with a bad line is refused whole with its line numbers. Plain Java.
 */
final class ClaimImportLines {

    static final List<String> HEADER = List.of("bulletin", "police", "matricule", "rang", "prestataire", "date_soins",
            "acte", "quantite", "montant", "bon");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d{1,12}([.,]\\d{1,6})?");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true).get();
    private static final List<String> REQUIRED = List.of("bulletin", "police", "matricule", "rang", "date_soins", "acte",
            "quantite", "montant");
    private static final List<String> SHARED = List.of("police", "matricule", "rang", "date_soins", "prestataire");
    /** The longest value of each column (the database's column lengths). */
    private static final Map<String, Integer> MAX = Map.of("bulletin", 30, "police", 30, "matricule", 12, "rang", 2,
            "prestataire", 20, "date_soins", 10, "acte", 10, "quantite", 4, "montant", 15, "bon", 30);

    private ClaimImportLines() {
    }

    /** A form ready to record, with the line number of each of its lines (header = 1). */
    record Form(NewClaim claim, List<Integer> lineNos) {
    }

    static String checkHeader(String header) {
        List<String> names = List.of(header.strip().replace("\uFEFF", "").split(";", -1));
        return HEADER.equals(names) ? null : "the header must be: " + String.join(";", HEADER);
    }

    /** The form number of a line as the form will be recorded (trimmed, unquoted), so a form is never cut into two chunks. */
    static String formKey(String line) {
        int end = line.indexOf(';');
        String key = (end < 0 ? line : line.substring(0, end)).strip();
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1).strip() : key;
    }

    /** Groups the lines into forms; bad forms go to {@code rejected}, whole. */
    static List<Form> forms(List<RawLine> lines, List<LineError> rejected) {
        Map<String, List<Map<String, String>>> byForm = new LinkedHashMap<>();
        Map<String, List<Integer>> lineNos = new LinkedHashMap<>();
        Map<String, List<LineError>> errors = new LinkedHashMap<>();
        String previous = null;
        boolean repeated = false;
        for (RawLine line : lines) {
            String key = formKey(line.text());
            if (!key.equals(previous)) {
                // a bulletin met again after others: merging the two would pay its lines twice over
                repeated = lineNos.containsKey(key);
                previous = key;
            }
            if (repeated) {
                rejected.add(new LineError(line.lineNo(), "FORM_REPEATED", "this bulletin number already appears at line "
                        + lineNos.get(key).get(0) + ", with other bulletins in between: the lines of a form follow each "
                        + "other; this repeat is not recorded"));
                continue;
            }
            lineNos.computeIfAbsent(key, k -> new ArrayList<>()).add(line.lineNo());
            List<LineError> formErrors = errors.computeIfAbsent(key, k -> new ArrayList<>());
            Map<String, String> f = line.tooLong() || line.badEncoding() || PartnerText.hasControlCharacter(line.text()) ? null
                    : CsvLines.fields(line.text(), FORMAT, HEADER);
            if (line.tooLong()) {
                formErrors.add(new LineError(line.lineNo(), "LINE_TOO_LONG", "the line is over the length limit"));
            } else if (line.badEncoding()) {
                formErrors.add(new LineError(line.lineNo(), "BAD_ENCODING", "line is not valid UTF-8"));
            } else if (PartnerText.hasControlCharacter(line.text())) {
                formErrors.add(new LineError(line.lineNo(), "CONTROL_CHARACTER", "the line has a control character (NUL or other)"));
            } else if (f == null) {
                formErrors.add(new LineError(line.lineNo(), "WRONG_COLUMN_COUNT", "expected " + HEADER.size() + " columns"));
            } else {
                check(f, line.lineNo(), formErrors);
                byForm.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
            }
        }
        List<Form> forms = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> form : lineNos.entrySet()) {
            List<LineError> formErrors = errors.get(form.getKey());
            List<Map<String, String>> fields = byForm.getOrDefault(form.getKey(), List.of());
            NewClaim claim = formErrors.isEmpty() ? toClaim(fields, form.getValue(), formErrors) : null;
            if (claim == null) {
                rejected.addAll(refusedWhole(form.getValue(), formErrors));
            } else {
                forms.add(new Form(claim, form.getValue()));
            }
        }
        return forms;
    }

    private static void check(Map<String, String> f, int lineNo, List<LineError> errors) {
        for (String column : HEADER) {
            if (f.get(column).length() > MAX.get(column)) {
                errors.add(new LineError(lineNo, "FIELD_TOO_LONG", column + " is longer than " + MAX.get(column) + " characters"));
                return;
            }
        }
        for (String column : REQUIRED) {
            if (f.get(column).isBlank()) {
                errors.add(new LineError(lineNo, "MISSING_FIELD", column + " is required"));
            }
        }
    }

    private static NewClaim toClaim(List<Map<String, String>> form, List<Integer> lineNos, List<LineError> errors) {
        Map<String, String> first = form.get(0);
        List<NewLine> lines = new ArrayList<>();
        for (int i = 0; i < form.size(); i++) {
            Map<String, String> r = form.get(i);
            if (SHARED.stream().anyMatch(c -> !r.get(c).equals(first.get(c)))) {
                errors.add(new LineError(lineNos.get(i), "INCONSISTENT_FORM", "lines of one bulletin must share police, "
                        + "matricule, rang, prestataire and date_soins"));
                continue;
            }
            try {
                int quantity = Integer.parseInt(r.get("quantite"));
                // digits only: an exponent (1E99999999) would cost minutes of arithmetic and a huge string
                if (!AMOUNT.matcher(r.get("montant")).matches()) {
                    throw new NumberFormatException();
                }
                BigDecimal amount = new BigDecimal(r.get("montant").replace(',', '.'));
                if (quantity < 1) {
                    throw new NumberFormatException();
                }
                lines.add(new NewLine(r.get("acte"), quantity, amount, r.get("bon").isBlank() ? null : r.get("bon")));
            } catch (NumberFormatException e) {
                errors.add(new LineError(lineNos.get(i), "INVALID_AMOUNT", "quantite must be a whole number from 1, "
                        + "montant a decimal from 0 with at most 12 digits before the decimal separator"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            LocalDate dateOfCare = LocalDate.parse(first.get("date_soins"), DATE);
            if (!PartnerText.plausible(dateOfCare)) {
                throw new DateTimeParseException("out of range", first.get("date_soins"), 0);
            }
            return new NewClaim(first.get("bulletin"), first.get("police"), first.get("matricule"),
                    Integer.parseInt(first.get("rang")), first.get("prestataire").isBlank() ? null : first.get("prestataire"),
                    dateOfCare, lines);
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.add(new LineError(lineNos.get(0), "INVALID_DATE", "rang must be a number and date_soins a dd/MM/yyyy date"));
            return null;
        }
    }

    /** Every line of a refused form is listed: its own error, or that its form was refused. */
    static List<LineError> refusedWhole(List<Integer> lineNos, List<LineError> errors) {
        List<LineError> all = new ArrayList<>(errors);
        for (int no : lineNos) {
            if (errors.stream().noneMatch(e -> e.lineNo() == no)) {
                all.add(new LineError(no, "FORM_REFUSED", "another line of this bulletin is refused: the form is refused whole"));
            }
        }
        all.sort(java.util.Comparator.comparingInt(LineError::lineNo));
        return all;
    }
}
