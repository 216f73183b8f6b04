package com.groupcare.hub.membership;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;

import com.groupcare.hub.exchange.RawLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Line validation against the layout in mappings/hr, without Spring or Camel. */
class HrLineParserTest {

    static final HrLayout LAYOUT = HrLayout.load(new FileSystemResource("mappings/hr/hr-export.yaml"));
    static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 1);
    static final HrLineParser SNAPSHOT = new HrLineParser(LAYOUT, Set.of("DEX-SFN"), HrLayout.FileKind.SNAPSHOT, FILE_DATE);
    static final String VALID_RIB = "0800" + "1000" + "0123456789" + HrExportGenerator.ribKey("080010000123456789");
    static final String MEMBER = "004512;00;A;BEN SALAH;Mohamed;14/05/1978;M;01234567;01/03/2005;;DEX-SFN;"
            + VALID_RIB + ";+21698123456;m.bensalah@example.tn;;;;";

    @Test
    void theGeneratorWritesTheHeaderTheLayoutExpects() {
        assertThat(LAYOUT.header()).isEqualTo(HrExportGenerator.HEADER);
    }

    @Test
    void aValidMemberLineBecomesARecord() {
        ParsedLine parsed = SNAPSHOT.parse(new RawLine(2, MEMBER, false));
        assertThat(parsed.isRejected()).as(String.valueOf(parsed.message())).isFalse();
        HrRecord r = parsed.record();
        assertThat(r.matricule()).isEqualTo("004512");
        assertThat(r.relationship()).isEqualTo(Relationship.MEMBER);
        assertThat(r.birthDate()).isEqualTo(LocalDate.of(1978, 5, 14));
        assertThat(r.gender()).isEqualTo("MALE");
        assertThat(r.unitCode()).isEqualTo("DEX-SFN");
        assertThat(r.bankAccount()).isEqualTo(VALID_RIB);
        assertThat(r.leaveDate()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty matricule        | 0  | ''             | MISSING_MATRICULE",
            "31 February            | 5  | 31/02/1978     | INVALID_DATE",
            "year 0000 (no such year in PostgreSQL) | 5 | 01/01/0000 | INVALID_DATE",
            "born after file date   | 5  | 02/11/2026     | INVALID_DATE",
            "hired before birth     | 8  | 01/01/1970     | INVALID_DATE",
            "left before hired      | 9  | 01/01/2004     | INVALID_DATE",
            "unknown unit           | 10 | DEX-TUN        | UNKNOWN_UNIT",
            "7-digit national id    | 7  | 1234567        | INVALID_NATIONAL_ID",
            "national id letters    | 7  | 12AB5678       | INVALID_NATIONAL_ID",
            "member without cin     | 7  | ''             | INVALID_NATIONAL_ID",
            "RIB with a wrong key   | 11 | 08001000012345678900 | INVALID_BANK_ACCOUNT",
            "RIB of 19 digits       | 11 | 0800100001234567890  | INVALID_BANK_ACCOUNT",
            "unknown gender         | 6  | X              | INVALID_CODE",
            "rang 00 for a spouse   | 2  | C              | INVALID_CODE",
            "action in a snapshot   | 17 | A              | INVALID_ACTION",
    })
    void aBadFieldRejectsTheLineWithItsReason(String why, int column, String value, HrRejection expected) {
        String[] fields = MEMBER.split(";", -1);
        fields[column] = value;
        ParsedLine parsed = SNAPSHOT.parse(new RawLine(7, String.join(";", fields), false));
        assertThat(parsed.rejection()).isEqualTo(expected);
        assertThat(parsed.lineNo()).isEqualTo(7);
        if (column == 7 || column == 11) {
            assertThat(parsed.message()).as("no personal data in errors").doesNotContain(value.isEmpty() ? ";" : value);
        }
    }

    @Test
    void aRejectedLineStillTellsItsMatriculeSoASnapshotDoesNotMistakeTheMemberForALeaver() {
        ParsedLine parsed = SNAPSHOT.parse(new RawLine(3, MEMBER.replace("DEX-SFN", "DEX-TUN"), false));
        assertThat(parsed.rejection()).isEqualTo(HrRejection.UNKNOWN_UNIT);
        assertThat(parsed.matricule()).isEqualTo("004512");
        assertThat(parsed.rank()).isZero();
    }

    @Test
    void wrongColumnCountAndBadEncodingAreRejected() {
        assertThat(SNAPSHOT.parse(new RawLine(4, MEMBER.substring(0, MEMBER.lastIndexOf(';')), false)).rejection())
                .isEqualTo(HrRejection.WRONG_COLUMN_COUNT);
        String latin1 = new String(MEMBER.replace("Mohamed", "Hédi").getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertThat(SNAPSHOT.parse(new RawLine(5, latin1, true)).rejection()).isEqualTo(HrRejection.BAD_ENCODING);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "|", value = {"BEN\tSALAH|nom", "\"Moha\rmed\"|prenom", "BEN\u0085SALAH|nom", "BEN\u2028SALAH|nom"})
    void aControlCharacterInANameIsRejectedNamingTheColumnNotTheValue(String name, String column) {
        String line = name.startsWith("\"") ? MEMBER.replace(";Mohamed;", ";" + name + ";") : MEMBER.replace("BEN SALAH", name);
        ParsedLine parsed = SNAPSHOT.parse(new RawLine(7, line, false));
        assertThat(parsed.rejection()).isEqualTo(HrRejection.CONTROL_CHARACTER);
        assertThat(parsed.message()).isEqualTo(column + " holds a control character (TAB, CR, line feed, NUL or other)");
        assertThat(parsed.matricule()).as("the family is still listed").isEqualTo("004512");
    }

    @Test
    void aDeltaLineNeedsAnAction() {
        HrLineParser delta = new HrLineParser(LAYOUT, Set.of("DEX-SFN"), HrLayout.FileKind.DELTA, FILE_DATE);
        assertThat(delta.parse(new RawLine(2, MEMBER, false)).rejection()).isEqualTo(HrRejection.INVALID_ACTION);
        assertThat(delta.parse(new RawLine(2, MEMBER + "M", false)).record().action()).isEqualTo(HrAction.UPDATE);
    }

    @Test
    void fileNamesGiveTheKindAndTheDate() {
        assertThat(LAYOUT.classify("RH_COMPLET_20261101.csv")).contains(
                new HrLayout.FileInfo(HrLayout.FileKind.SNAPSHOT, LocalDate.of(2026, 11, 1)));
        assertThat(LAYOUT.classify("RH_DELTA_20261115.csv")).contains(
                new HrLayout.FileInfo(HrLayout.FileKind.DELTA, LocalDate.of(2026, 11, 15)));
        assertThat(LAYOUT.classify("RH_DELTA_20261332.csv")).isEmpty();
        assertThat(LAYOUT.classify("employees.csv")).isEmpty();
    }
}
