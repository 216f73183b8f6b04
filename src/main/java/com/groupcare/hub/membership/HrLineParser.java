package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.groupcare.hub.common.BankAccounts;
import com.groupcare.hub.common.CsvLines;
import com.groupcare.hub.common.PlainText;
import com.groupcare.hub.exchange.RawLine;
import org.apache.commons.csv.CSVFormat;

/**
 * Turns one line of the HR export into a record or a rejection with its reason. Messages
 * name the column, never the value (names, national ids and accounts stay out of errors).
 */
public class HrLineParser {

    private static final Pattern MATRICULE = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{8}");

    private final HrLayout layout;
    private final Set<String> unitCodes;
    private final HrLayout.FileKind kind;
    private final LocalDate fileDate;
    private final CSVFormat format;
    private final CSVFormat untrimmed;

    public HrLineParser(HrLayout layout, Set<String> unitCodes, HrLayout.FileKind kind, LocalDate fileDate) {
        this.layout = layout;
        this.unitCodes = unitCodes;
        this.kind = kind;
        this.fileDate = fileDate;
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).setTrim(true).get();
        this.untrimmed = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).get();
    }

    public ParsedLine parse(RawLine line) {
        // a line that cannot be read still names its family when it starts with a matricule,
        // so a full snapshot does not turn that family into leavers
        String candidate = firstField(line.text());
        if (line.tooLong()) {
            return ParsedLine.rejected(line.lineNo(), HrRejection.LINE_TOO_LONG, "the line is over the length limit",
                    candidate, -1);
        }
        if (PlainText.hasControl(line.text())) {
            // a TAB or CR in a name breaks the printed card and the files the hub writes for others
            return ParsedLine.rejected(line.lineNo(), HrRejection.CONTROL_CHARACTER, controlMessage(line.text()), candidate, -1);
        }
        Map<String, String> f = CsvLines.fields(line.text(), format, layout.fields());
        if (f == null) {
            return ParsedLine.rejected(line.lineNo(), HrRejection.WRONG_COLUMN_COUNT,
                    "expected " + layout.columns().size() + " columns", candidate, -1);
        }
        for (int i = 0; i < layout.fields().size(); i++) {
            if (f.get(layout.fields().get(i)).length() > layout.maxLengths().get(i)) {
                return ParsedLine.rejected(line.lineNo(), HrRejection.FIELD_TOO_LONG, layout.columns().get(i)
                        + " is longer than " + layout.maxLengths().get(i) + " characters", candidate, -1);
            }
        }
        try {
            return ParsedLine.ok(toRecord(line, f));
        } catch (Rejected r) {
            String matricule = MATRICULE.matcher(f.get("matricule")).matches() ? f.get("matricule") : null;
            return ParsedLine.rejected(line.lineNo(), r.reason, r.getMessage(), matricule, r.rank);
        }
    }

    /** Names the first column holding a control character when the line reads as CSV; never the value. */
    private String controlMessage(String text) {
        Map<String, String> f = CsvLines.fields(text, untrimmed, layout.fields());
        if (f != null) {
            for (int i = 0; i < layout.fields().size(); i++) {
                if (PlainText.hasControl(f.get(layout.fields().get(i)))) {
                    return layout.columns().get(i) + " holds a control character (TAB, CR, line feed, NUL or other)";
                }
            }
        }
        return "the line holds a control character (TAB, CR, line feed, NUL or other)";
    }

    private String firstField(String text) {
        int end = text.indexOf(layout.delimiter());
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        if (first.length() > 1 && first.startsWith("\"") && first.endsWith("\"")) {
            first = first.substring(1, first.length() - 1);
        }
        return MATRICULE.matcher(first).matches() ? first : null;
    }

    private HrRecord toRecord(RawLine line, Map<String, String> f) {
        String matricule = f.get("matricule");
        if (matricule.isEmpty()) {
            throw new Rejected(HrRejection.MISSING_MATRICULE, "matricule is empty", -1);
        }
        if (!MATRICULE.matcher(matricule).matches()) {
            throw new Rejected(HrRejection.INVALID_CODE, "matricule must be 1 to 12 letters or digits", -1);
        }
        int rank = rank(f.get("rank"));
        if (line.badEncoding()) {
            throw new Rejected(HrRejection.BAD_ENCODING, "line is not valid UTF-8", rank);
        }
        Relationship relationship = code("relationship", f.get("relationship"), "lien", rank, Relationship.class);
        if (!rankFits(relationship, rank)) {
            throw new Rejected(HrRejection.INVALID_CODE, "rang " + rank + " does not fit lien " + relationship, rank);
        }
        boolean member = relationship == Relationship.MEMBER;
        LocalDate birth = date(f, "birthDate", "date_naissance", true, rank);
        if (birth.isAfter(fileDate)) {
            throw new Rejected(HrRejection.INVALID_DATE, "date_naissance is after the file date", rank);
        }
        LocalDate hire = date(f, "hireDate", "date_embauche", member, rank);
        LocalDate leave = member ? date(f, "leaveDate", "date_sortie", false, rank) : null;
        if (hire != null && hire.isBefore(birth)) {
            throw new Rejected(HrRejection.INVALID_DATE, "date_embauche is before date_naissance", rank);
        }
        if (leave != null && hire != null && leave.isBefore(hire)) {
            throw new Rejected(HrRejection.INVALID_DATE, "date_sortie is before date_embauche", rank);
        }
        String nationalId = f.get("nationalId");
        if (member && nationalId.isEmpty()) {
            throw new Rejected(HrRejection.INVALID_NATIONAL_ID, "cin is required for the member", rank);
        }
        if (!nationalId.isEmpty() && !NATIONAL_ID.matcher(nationalId).matches()) {
            throw new Rejected(HrRejection.INVALID_NATIONAL_ID, "cin must be 8 digits", rank);
        }
        String unit = f.get("unitCode");
        if (member && !unitCodes.contains(unit)) {
            throw new Rejected(HrRejection.UNKNOWN_UNIT, "code_unite '" + unit + "' is not in org-units", rank);
        }
        String account = f.get("bankAccount");
        if (member && !account.isEmpty() && !BankAccounts.isValid(account)) {
            throw new Rejected(HrRejection.INVALID_BANK_ACCOUNT, "rib is not a valid RIB or IBAN (length or key)", rank);
        }
        return new HrRecord(line.lineNo(), matricule, rank, relationship,
                required(f, "lastName", "nom", rank), required(f, "firstName", "prenom", rank), birth,
                code("gender", required(f, "gender", "sexe", rank), "sexe", rank, String.class),
                blankToNull(nationalId), hire, leave, member ? unit : null,
                member ? blankToNull(account.replace(" ", "")) : null,
                blankToNull(f.get("phone")), blankToNull(f.get("email")),
                yesNo(f.get("student"), "etudiant", rank), yesNo(f.get("disabled"), "handicape", rank),
                date(f, "coverStart", "date_effet", false, rank), action(f.get("action"), rank));
    }

    private int rank(String value) {
        try {
            int rank = Integer.parseInt(value);
            if (rank >= 0 && rank <= 99) {
                return rank;
            }
        } catch (NumberFormatException e) {
            // falls through to the rejection
        }
        throw new Rejected(HrRejection.INVALID_CODE, "rang must be a number from 00 to 99", -1);
    }

    private static boolean rankFits(Relationship relationship, int rank) {
        return switch (relationship) {
            case MEMBER -> rank == 0;
            case SPOUSE -> rank >= 1 && rank <= 9;
            case CHILD -> rank >= 10;
        };
    }

    private LocalDate date(Map<String, String> f, String field, String column, boolean required, int rank) {
        String value = f.get(field);
        if (value.isEmpty()) {
            if (required) {
                throw new Rejected(HrRejection.MISSING_FIELD, column + " is required", rank);
            }
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value, layout.dateFormat());
        } catch (DateTimeParseException e) {
            throw new Rejected(HrRejection.INVALID_DATE, column + " is not a valid date", rank);
        }
        if (!com.groupcare.hub.common.PartnerText.plausible(date)) {
            // year 0000 parses in Java but not in PostgreSQL: it would fail the whole chunk
            throw new Rejected(HrRejection.INVALID_DATE, column + " is not between 1900 and 2999", rank);
        }
        return date;
    }

    private static String required(Map<String, String> f, String field, String column, int rank) {
        String value = f.get(field);
        if (value.isEmpty()) {
            throw new Rejected(HrRejection.MISSING_FIELD, column + " is required", rank);
        }
        return value;
    }

    private <T> T code(String table, String value, String column, int rank, Class<T> type) {
        Object mapped = layout.code(table, value);
        if (mapped == null) {
            throw new Rejected(HrRejection.INVALID_CODE, column + " has an unknown code", rank);
        }
        return type.isEnum() ? type.cast(enumValue(type, mapped.toString())) : type.cast(mapped.toString());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class type, String name) {
        return Enum.valueOf(type, name);
    }

    private boolean yesNo(String value, String column, int rank) {
        if (value.isEmpty()) {
            return false;
        }
        Object mapped = layout.code("yes-no", value);
        if (mapped == null) {
            throw new Rejected(HrRejection.INVALID_CODE, column + " must be O or N", rank);
        }
        return (Boolean) mapped;
    }

    private HrAction action(String value, int rank) {
        if (kind == HrLayout.FileKind.SNAPSHOT) {
            if (!value.isEmpty()) {
                throw new Rejected(HrRejection.INVALID_ACTION, "action must be empty in a full snapshot", rank);
            }
            return null;
        }
        Object mapped = layout.code("action", value);
        if (mapped == null) {
            throw new Rejected(HrRejection.INVALID_ACTION, "action must be A, M or S in a delta file", rank);
        }
        return HrAction.valueOf(mapped.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static final class Rejected extends RuntimeException {
        private final HrRejection reason;
        private final int rank;

        Rejected(HrRejection reason, String message, int rank) {
            super(message, null, false, false);
            this.reason = reason;
            this.rank = rank;
        }
    }
}
