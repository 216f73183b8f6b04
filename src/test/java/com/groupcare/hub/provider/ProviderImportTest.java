package com.groupcare.hub.provider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.groupcare.hub.provider.ProviderRejection.DUPLICATE_CODE;
import static com.groupcare.hub.provider.ProviderRejection.INVALID_BANK_ACCOUNT;
import static com.groupcare.hub.provider.ProviderRejection.INVALID_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The provider sample imported through the API gives exactly the rows in inbox-samples/providers. */
class ProviderImportTest extends ProviderApiSupport {

    @Test
    void theSampleGivesExactlyTheExpectedRowsAndRejectedLines() throws IOException {
        ProviderImportResult result = importAsOperator(sample(SAMPLE));

        assertThat(result.total()).isEqualTo(40);
        assertThat(result.created()).isEqualTo(37);
        assertThat(result.updated()).isZero();
        assertThat(result.unchanged()).isZero();
        assertThat(result.rejected()).extracting(r -> r.lineNo(), r -> r.code(), r -> r.providerCode())
                .containsExactly(tuple(16, INVALID_BANK_ACCOUNT, "GAB-013"), tuple(29, INVALID_DATE, "MAH-010"),
                        tuple(39, DUPLICATE_CODE, "SFX-003"));
        assertThat(storedRows()).isEqualTo(expectedRows());
        assertThat(auditActions()).hasSize(37).allMatch(a -> a.startsWith("CREATE ") && a.endsWith(" by operator"));
    }

    @Test
    void rejectionMessagesCarryNoBankAccountNorName() {
        String[] lines = new String(sample(SAMPLE), StandardCharsets.UTF_8).split("\r\n");
        ResponseEntity<String> response = postCsv("operator", sample(SAMPLE));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (int lineNo : List.of(16, 29, 39)) {
            String[] fields = lines[lineNo - 1].split(";", -1);
            assertThat(response.getBody()).doesNotContain(fields[1], fields[6], fields[7]);
        }
        assertThat(response.getBody()).contains("\"message\":\"rib is not a valid RIB or IBAN (length or key)\"",
                "\"message\":\"fin_convention is before debut_convention\"");
    }

    @Test
    void theSameFileTwiceChangesNothing() {
        importAsOperator(sample(SAMPLE));
        List<String> rows = storedRows();
        Object lastUpdate = jdbc.queryForObject("select max(updated_at) from provider", Object.class);
        int audits = count("select count(*) from audit_entry");

        ProviderImportResult second = importAsOperator(sample(SAMPLE));

        assertThat(second.total()).isEqualTo(40);
        assertThat(second.unchanged()).isEqualTo(37);
        assertThat(second.created() + second.updated()).isZero();
        assertThat(second.rejected()).extracting(r -> r.lineNo()).containsExactly(16, 29, 39);
        assertThat(storedRows()).isEqualTo(rows);
        assertThat(jdbc.queryForObject("select max(updated_at) from provider", Object.class)).isEqualTo(lastUpdate);
        assertThat(count("select count(*) from audit_entry")).as("no new audit entry").isEqualTo(audits);
    }

    @Test
    void aChangedLineUpdatesOneProviderWithItsBeforeAndAfter() {
        String csv = new String(sample(SAMPLE), StandardCharsets.UTF_8);
        importAsOperator(csv.getBytes(StandardCharsets.UTF_8));
        String line = csv.lines().filter(l -> l.startsWith("MAH-002;")).findFirst().orElseThrow();
        String oldPhone = line.split(";")[7];

        ProviderImportResult second = importAsOperator(
                csv.replace(line, line.replace(oldPhone, "+21673000111")).getBytes(StandardCharsets.UTF_8));

        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(36);
        assertThat(jdbc.queryForList("""
                select actor, before_state->>'phone' as before, after_state->>'phone' as after
                from audit_entry where action = 'UPDATE' and entity_id = 'MAH-002'""")).singleElement()
                .isEqualTo(Map.of("actor", "operator", "before", oldPhone, "after", "+21673000111"));
    }

    @Test
    void conventionedOnHoldsFromTheFirstToTheLastDayOfTheConvention() {
        importAsOperator(sample(SAMPLE));
        Provider dated = providers.findByCode("SFX-002").orElseThrow();   // 01/01/2025 - 31/12/2026
        assertThat(dated.conventionedOn(LocalDate.of(2024, 12, 31))).isFalse();
        assertThat(dated.conventionedOn(LocalDate.of(2025, 1, 1))).isTrue();
        assertThat(dated.conventionedOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(dated.conventionedOn(LocalDate.of(2027, 1, 1))).isFalse();

        Provider open = providers.findByCode("SFX-005").orElseThrow();    // from 15/02/2024, no end
        assertThat(open.conventionedOn(LocalDate.of(2024, 2, 14))).isFalse();
        assertThat(open.conventionedOn(LocalDate.of(2024, 2, 15))).isTrue();
        assertThat(open.conventionedOn(LocalDate.of(2099, 12, 31))).isTrue();

        assertThat(providers.findByCode("SFX-013").orElseThrow().conventionedOn(LocalDate.of(2026, 11, 1)))
                .as("not conventioned").isFalse();
        assertThat(providers.findByCode("SFX-014").orElseThrow().conventionedOn(LocalDate.of(2026, 12, 31)))
                .as("convention not started yet").isFalse();
        assertThat(providers.findAll()).filteredOn(p -> p.conventionedOn(LocalDate.of(2026, 11, 1))).hasSize(29);
    }

    @Test
    void aWrongHeaderOrAnEmptyBodyRefusesTheWholeFile() {
        String csv = new String(sample(SAMPLE), StandardCharsets.UTF_8).replaceFirst("ville", "city");
        ResponseEntity<String> wrongHeader = postCsv("operator", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(wrongHeader.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongHeader.getBody()).contains("code;nom;specialite;conventionne");
        assertThat(postCsv("operator", new byte[0]).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(count("select count(*) from provider")).isZero();
    }

    @Test
    void aBadlyEncodedLineIsRejectedAlone() {
        byte[] latin1 = ("code;nom;specialite;conventionne;debut_convention;fin_convention;rib;telephone;email;ville\n"
                + "GAB-007;Optique Chenini;OPTICIEN;N;;;;;;Gabès\n"
                + "GAB-012;Dr Anis Dridi;GENERALISTE;N;;;;;;Gabes\n").getBytes(StandardCharsets.ISO_8859_1);
        ProviderImportResult result = importAsOperator(latin1);
        assertThat(result.created()).isEqualTo(1);
        assertThat(result.rejected()).singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo(ProviderRejection.BAD_ENCODING))
                .satisfies(r -> assertThat(r.lineNo()).isEqualTo(2));
    }

    private List<String> storedRows() {
        return jdbc.query("select * from provider order by code", (rs, i) -> String.join(";", rs.getString("code"),
                rs.getString("name"), rs.getString("specialty"), String.valueOf(rs.getBoolean("conventioned")),
                text(rs.getObject("convention_start", LocalDate.class)), text(rs.getObject("convention_end", LocalDate.class)),
                text(rs.getString("bank_account")), text(rs.getString("phone")), text(rs.getString("email")),
                text(rs.getString("city")), rs.getString("status"))).stream().sorted().toList();
    }

    private static List<String> expectedRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("inbox-samples/providers/expected-rows.csv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).sorted().toList();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
