package com.groupcare.hub.claim;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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
import com.groupcare.hub.exchange.Intake;
import com.groupcare.hub.exchange.IntakeOutcome;
import com.groupcare.hub.exchange.LineError;
import com.groupcare.hub.exchange.UploadedFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Claim forms typed in a spreadsheet and imported as CSV (docs/formats/claims-import.md): one
 * line per claim line, the lines of a form together. Each form is recorded on its own; a form
 * with a bad line is refused whole (a form is never half recorded), the others go on. The file is
 * an exchange (partner "desk", flow "claims-import") with its counts and rejected lines.
 */
@Service
public class ClaimBatchImport {

    static final List<String> HEADER = List.of("bulletin", "police", "matricule", "rang", "prestataire", "date_soins",
            "acte", "quantite", "montant", "bon");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    static final String PARTNER = "desk";
    static final String FLOW = "claims-import";

    private final ClaimService claims;
    private final UploadedFiles uploads;

    public ClaimBatchImport(ClaimService claims, UploadedFiles uploads) {
        this.claims = claims;
        this.uploads = uploads;
    }

    public record Result(long exchangeId, Long duplicateOf, int forms, int recorded, int alreadyRecorded,
                         List<LineError> rejected) {
    }

    /** The upload is recorded as an exchange first: the same file twice is a duplicate and records nothing. */
    public Result importCsv(String fileName, String csv, String actor) {
        Intake intake = uploads.receive(PARTNER, FLOW, fileName, csv.getBytes(StandardCharsets.UTF_8));
        if (intake.outcome() == IntakeOutcome.DUPLICATE) {
            return new Result(intake.exchangeId(), intake.duplicateOf(), 0, 0, 0, List.of());
        }
        try {
            Result result = importCsv(csv, actor, intake.exchangeId());
            int lines = (int) csv.lines().skip(1).filter(l -> !l.isBlank()).count();
            uploads.complete(intake.exchangeId(), lines, result.rejected());
            return result;
        } catch (RuntimeException e) {
            uploads.failed(intake.exchangeId(), e.getMessage());
            throw e;
        }
    }

    private Result importCsv(String csv, String actor, long exchangeId) {
        List<CSVRecord> records = parse(csv);
        if (records.isEmpty() || !HEADER.equals(records.get(0).toList())) {
            throw new ClaimRefused("the header must be: " + String.join(";", HEADER));
        }
        Map<String, List<CSVRecord>> forms = new LinkedHashMap<>();
        records.subList(1, records.size()).forEach(r -> forms.computeIfAbsent(r.size() > 0 ? r.get(0) : "", k -> new ArrayList<>()).add(r));
        List<LineError> rejected = new ArrayList<>();
        int recorded = 0;
        int already = 0;
        for (List<CSVRecord> form : forms.values()) {
            List<LineError> errors = new ArrayList<>();
            NewClaim claim = toClaim(form, errors);
            if (!errors.isEmpty()) {
                rejected.addAll(errors);
                continue;
            }
            try {
                boolean existed = claims.exists(claim.claimNumber());
                claims.create(claim, actor);
                if (existed) {
                    already++;
                } else {
                    recorded++;
                }
            } catch (ClaimRefused | ClaimConflict e) {
                form.forEach(r -> rejected.add(new LineError(line(r), "CLAIM_REFUSED", e.getReason())));
            }
        }
        return new Result(exchangeId, null, forms.size(), recorded, already, rejected);
    }

    private NewClaim toClaim(List<CSVRecord> form, List<LineError> errors) {
        List<NewLine> lines = new ArrayList<>();
        CSVRecord first = form.get(0);
        for (CSVRecord r : form) {
            if (r.size() != HEADER.size()) {
                errors.add(new LineError(line(r), "WRONG_COLUMN_COUNT", "expected " + HEADER.size() + " columns"));
                continue;
            }
            for (String column : List.of("bulletin", "police", "matricule", "rang", "date_soins", "acte", "quantite", "montant")) {
                if (r.get(HEADER.indexOf(column)).isBlank()) {
                    errors.add(new LineError(line(r), "MISSING_FIELD", column + " is required"));
                }
            }
            if (!errors.isEmpty()) {
                continue;
            }
            if (!same(r, first, "police") || !same(r, first, "matricule") || !same(r, first, "rang")
                    || !same(r, first, "date_soins") || !same(r, first, "prestataire")) {
                errors.add(new LineError(line(r), "INCONSISTENT_FORM", "lines of one bulletin must share police, matricule, "
                        + "rang, prestataire and date_soins"));
                continue;
            }
            try {
                int quantity = Integer.parseInt(r.get(7));
                BigDecimal amount = new BigDecimal(r.get(8).replace(',', '.'));
                if (quantity < 1 || amount.signum() < 0) {
                    throw new NumberFormatException();
                }
                lines.add(new NewLine(r.get(6), quantity, amount, r.get(9).isBlank() ? null : r.get(9)));
            } catch (NumberFormatException e) {
                errors.add(new LineError(line(r), "INVALID_AMOUNT", "quantite must be a whole number from 1, montant a decimal from 0"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            int rank = Integer.parseInt(first.get(3));
            LocalDate date = LocalDate.parse(first.get(5), DATE);
            return new NewClaim(first.get(0), first.get(1), first.get(2), rank, blankToNull(first.get(4)), date, lines);
        } catch (NumberFormatException | DateTimeParseException e) {
            errors.add(new LineError(line(first), "INVALID_DATE", "rang must be a number and date_soins a dd/MM/yyyy date"));
            return null;
        }
    }

    private static boolean same(CSVRecord a, CSVRecord b, String column) {
        int i = HEADER.indexOf(column);
        return a.get(i).equals(b.get(i));
    }

    /** Line number in the file, the header being line 1. */
    private static int line(CSVRecord r) {
        return (int) r.getRecordNumber();
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.DEFAULT.builder().setDelimiter(';').setTrim(true).setIgnoreEmptyLines(true).get()
                    .parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)).getRecords();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ClaimRefused("the file is not valid CSV: " + e.getMessage());
        }
    }
}
