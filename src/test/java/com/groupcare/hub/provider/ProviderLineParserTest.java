package com.groupcare.hub.provider;

import java.time.LocalDate;

import com.groupcare.hub.common.BankAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/** Line validation against the layout in mappings/providers, without Spring. */
class ProviderLineParserTest {

    static final ProviderLayout LAYOUT = ProviderLayout.load(new FileSystemResource("mappings/providers/providers.yaml"));
    static final ProviderLineParser PARSER = new ProviderLineParser(LAYOUT);
    static final String RIB = "080010000123456789" + BankAccounts.ribKey("080010000123456789");
    static final String LINE = "SFX-001;Dr Mohamed Ben Salah;GENERALISTE;O;01/01/2024;31/12/2026;" + RIB
            + ";+21674221305;cabinet@example.tn;Sfax";

    @Test
    void theLayoutHeaderIsTheDocumentedOne() {
        assertThat(LAYOUT.header())
                .isEqualTo("code;nom;specialite;conventionne;debut_convention;fin_convention;rib;telephone;email;ville");
    }

    @Test
    void aValidLineBecomesAnActiveProvider() {
        ProviderLine line = PARSER.parse(2, LINE, true);
        assertThat(line.isRejected()).as(String.valueOf(line.message())).isFalse();
        assertThat(line.data()).isEqualTo(new ProviderData("SFX-001", "Dr Mohamed Ben Salah", Specialty.GENERALIST, true,
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), RIB, "+21674221305", "cabinet@example.tn", "Sfax",
                Provider.Status.ACTIVE));
    }

    @Test
    void aNonConventionedProviderNeedsNoDatesNorAccount() {
        ProviderLine line = PARSER.parse(3, "GAB-007;Optique Chenini;OPTICIEN;N;;;;;;Gabès", true);
        assertThat(line.isRejected()).as(String.valueOf(line.message())).isFalse();
        assertThat(line.data().conventioned()).isFalse();
        assertThat(line.data().bankAccount()).isNull();
        assertThat(line.data().phone()).isNull();
        assertThat(line.data().city()).isEqualTo("Gabès");
    }

    @Test
    void anAccountWrittenWithSpacesOrInLowerCaseIsKeptCompact() {
        String spaced = RIB.substring(0, 2) + " " + RIB.substring(2, 5) + " " + RIB.substring(5, 18) + " " + RIB.substring(18);
        assertThat(PARSER.parse(2, LINE.replace(RIB, spaced), true).data().bankAccount()).isEqualTo(RIB);
        assertThat(PARSER.parse(2, LINE.replace(RIB, "tn59" + RIB), true).data().bankAccount()).isEqualTo("TN59" + RIB);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty code                  | 0 | ''                   | MISSING_FIELD",
            "code in lower case          | 0 | sfx-001              | INVALID_CODE",
            "code of 21 characters       | 0 | SFX-00000000000000001 | INVALID_CODE",
            "code starting with '-'      | 0 | -SFX1                | INVALID_CODE",
            "empty name                  | 1 | ''                   | MISSING_FIELD",
            "name of 201 characters      | 1 | @201                 | FIELD_TOO_LONG",
            "empty specialty             | 2 | ''                   | MISSING_FIELD",
            "unknown specialty           | 2 | VETERINAIRE          | INVALID_CODE",
            "conventionne empty          | 3 | ''                   | MISSING_FIELD",
            "conventionne X              | 3 | X                    | INVALID_CODE",
            "conventioned without start  | 4 | ''                   | MISSING_FIELD",
            "31 June                     | 4 | 31/06/2025           | INVALID_DATE",
            "ISO date                    | 4 | 2024-01-01           | INVALID_DATE",
            "end before start            | 5 | 31/12/2023           | INVALID_DATE",
            "end not a date              | 5 | 31-12-2026           | INVALID_DATE",
            "conventioned without RIB    | 6 | ''                   | MISSING_FIELD",
            "RIB with a wrong key        | 6 | 08001000012345678900 | INVALID_BANK_ACCOUNT",
            "RIB of 19 digits            | 6 | 0800100001234567890  | INVALID_BANK_ACCOUNT",
            "IBAN with a wrong check     | 6 | TN5808001000012345678996 | INVALID_BANK_ACCOUNT",
            "phone with letters          | 7 | 74-ABC-DEF           | INVALID_CONTACT",
            "email without domain        | 8 | cabinet@             | INVALID_CONTACT",
    })
    void aBadFieldRejectsTheLineWithItsReason(String why, int column, String value, ProviderRejection expected) {
        String[] fields = LINE.split(";", -1);
        fields[column] = value.equals("@201") ? "x".repeat(201) : value;
        ProviderLine line = PARSER.parse(7, String.join(";", fields), true);
        assertThat(line.rejection()).as(String.valueOf(line.message())).isEqualTo(expected);
        assertThat(line.lineNo()).isEqualTo(7);
        assertThat(line.message()).as("the message names the column").contains(LAYOUT.columns().get(column));
        if (!value.isEmpty()) {
            assertThat(line.message()).as("no value in the message").doesNotContain(value);
        }
    }

    @Test
    void anEndWithoutAStartIsRejectedEvenForANonConventionedProvider() {
        ProviderLine line = PARSER.parse(4, "GAB-012;Dr Anis Dridi;GENERALISTE;N;;31/12/2026;;;;Gabès", true);
        assertThat(line.rejection()).isEqualTo(ProviderRejection.INVALID_DATE);
    }

    @Test
    void aRejectedLineStillTellsItsReadableCode() {
        assertThat(PARSER.parse(5, LINE.replace(";O;", ";X;"), true).code()).isEqualTo("SFX-001");
        assertThat(PARSER.parse(5, LINE.replace("SFX-001", "sfx 1"), true).code()).isNull();
    }

    @Test
    void wrongColumnCountBrokenQuotesAndBadEncodingAreRejected() {
        assertThat(PARSER.parse(2, LINE + ";extra", true).rejection()).isEqualTo(ProviderRejection.WRONG_COLUMN_COUNT);
        assertThat(PARSER.parse(2, "SFX-001;Pharmacie;PHARMACIE", true).rejection())
                .isEqualTo(ProviderRejection.WRONG_COLUMN_COUNT);
        assertThat(PARSER.parse(2, LINE.replace("Dr Mohamed", "\"Dr Mohamed"), true).rejection())
                .isEqualTo(ProviderRejection.WRONG_COLUMN_COUNT);
        ProviderLine badBytes = PARSER.parse(2, LINE.replace("Salah", "Sal\uFFFDh"), false);
        assertThat(badBytes.rejection()).isEqualTo(ProviderRejection.BAD_ENCODING);
        assertThat(badBytes.code()).isEqualTo("SFX-001");
    }

    @Test
    void aQuotedNameMayHoldTheDelimiter() {
        ProviderLine line = PARSER.parse(2, LINE.replace("Dr Mohamed Ben Salah", "\"Cabinet Ben Salah; Sfax\""), true);
        assertThat(line.data().name()).isEqualTo("Cabinet Ben Salah; Sfax");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2024-12-31, false", "2025-01-01, true", "2026-12-31, true", "2027-01-01, false"})
    void aConventionIsInForceFromItsStartToItsEndIncluded(LocalDate day, boolean inForce) {
        assertThat(ConventionRules.inForce(true, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), day)).isEqualTo(inForce);
    }

    @Test
    void anOpenConventionRunsOnAndANonConventionedProviderIsNeverInForce() {
        assertThat(ConventionRules.inForce(true, LocalDate.of(2025, 1, 1), null, LocalDate.of(2099, 12, 31))).isTrue();
        assertThat(ConventionRules.inForce(false, LocalDate.of(2025, 1, 1), null, LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(ConventionRules.inForce(true, null, null, LocalDate.of(2026, 1, 1))).isFalse();
    }
}
