package com.groupcare.hub.claim;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.groupcare.hub.claim.ConsumptionLedger.Scope;
import com.groupcare.hub.contract.ContractFiles;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.contract.InsuranceContract.ContractYear;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays inbox-samples/claims/worked-example.csv (the claims of docs/worked-example-claims.md) in
 * file order through one ClaimValuator and one ledger, cancelling where a CANCEL row says so, and
 * checks every expected amount and reason list of the file, then the remaining ceilings the
 * document gives at the end of 2026. Run with both ledgers: they must agree with the hand figures.
 */
class WorkedExampleTest {

    static final Path SAMPLES = Path.of("inbox-samples", "claims");
    static final InsuranceContract TND = ContractFiles.load(new FileSystemResource("mappings/contracts/POL-TRS-2026.yaml"));
    static final String FAMILY = "004512";
    static final ContractYear YEAR_2026 = TND.yearOf(LocalDate.of(2026, 6, 1));

    /** One row of worked-example.csv; for a CANCEL row, reasons holds why the claim is cancelled. */
    record Row(int lineNo, String claim, LocalDate date, String beneficiary, String act, int quantity, BigDecimal charged,
               boolean voucher, BigDecimal expected, String reasons) {

        boolean cancel() {
            return act.equals("CANCEL");
        }

        List<ValuationReason> reasonCodes() {
            return reasons.isBlank() ? List.of()
                    : Arrays.stream(reasons.split(",")).map(String::trim).map(ValuationReason::valueOf).toList();
        }
    }

    static Stream<Named<Supplier<ConsumptionLedger>>> ledgers() {
        return Stream.of(Named.of("reference ledger", InMemoryConsumptionLedger::new),
                Named.of("indexed ledger", IndexedConsumptionLedger::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ledgers")
    void everyLineOfTheWorkedExampleIsValuedAsWorkedOutByHand(Supplier<ConsumptionLedger> newLedger) throws IOException {
        ConsumptionLedger ledger = newLedger.get();
        replay(new Book() {
            @Override
            public ConsumptionLedger open(String claimNumber) {
                return ledger;
            }

            @Override
            public void cancel(String claimNumber) {
                ledger.release(claimNumber);
            }
        });
        assertRemainingCeilingsAsInTheDocument(ledger);
    }

    /** Where the worked example's claims are recorded: a ledger per claim, its id, what happens after, a cancellation. */
    interface Book {
        ConsumptionLedger open(String claimNumber);

        default String claimId(String claimNumber) {
            return claimNumber;
        }

        default void close(ConsumptionLedger ledger) {
            // a ledger in memory keeps everything
        }

        void cancel(String claimNumber);
    }

    /** Replays the file in order through the book's ledgers and checks every line against the hand figures. */
    static void replay(Book book) throws IOException {
        Map<String, CoveredPerson> family = family();
        List<Row> rows = rows();
        ClaimValuator valuator = new ClaimValuator();
        int checkedLines = 0;
        int cancelled = 0;
        for (int i = 0; i < rows.size(); ) {
            Row first = rows.get(i);
            if (first.cancel()) {
                book.cancel(first.claim());
                cancelled++;
                i++;
                continue;
            }
            // consecutive rows with the same claim id make one claim form
            List<Row> claimRows = new ArrayList<>();
            while (i < rows.size() && rows.get(i).claim().equals(first.claim()) && !rows.get(i).cancel()) {
                Row row = rows.get(i++);
                assertThat(row.date()).as("line %d: one date per claim", row.lineNo()).isEqualTo(first.date());
                assertThat(row.beneficiary()).as("line %d: one beneficiary per claim", row.lineNo()).isEqualTo(first.beneficiary());
                claimRows.add(row);
            }
            CoveredPerson person = family.get(first.beneficiary());
            assertThat(person).as("line %d: beneficiary %s in family.csv", first.lineNo(), first.beneficiary()).isNotNull();
            ConsumptionLedger ledger = book.open(first.claim());
            ValuedClaim claim = valuator.value(TND, book.claimId(first.claim()), person, first.date(), claimRows.stream()
                    .map(r -> new ClaimLineInput(r.act(), r.quantity(), r.charged(), r.voucher())).toList(), ledger);
            book.close(ledger);

            for (int k = 0; k < claimRows.size(); k++) {
                Row row = claimRows.get(k);
                ValuedLine line = claim.lines().get(k);
                String where = "worked-example.csv line " + row.lineNo() + " (" + row.claim() + " " + row.act() + ")";
                assertThat(line.expected()).as(where).isEqualTo(row.expected());
                assertThat(line.reasons()).as(where).containsExactlyElementsOf(row.reasonCodes());
                checkedLines++;
            }
            assertThat(claim.total()).isEqualTo(claimRows.stream().map(Row::expected).reduce(BigDecimal::add).orElseThrow());
        }
        assertThat(checkedLines).isEqualTo(31);
        assertThat(cancelled).isEqualTo(2);
    }

    /** The table "Remaining at the end of 2026" in docs/worked-example-claims.md. */
    static void assertRemainingCeilingsAsInTheDocument(ConsumptionLedger ledger) {
        var schedule = TND.scheduleAt(LocalDate.of(2026, 12, 31)).orElseThrow();
        Map<String, String> beneficiaryLeft = Map.of("004512-00", "0.000", "004512-01", "374.000",
                "004512-10", "1358.000", "004512-11", "1274.890");
        beneficiaryLeft.forEach((who, left) -> assertThat(schedule.beneficiaryYearCeiling()
                .subtract(ledger.used(Scope.BENEFICIARY, who, YEAR_2026))).as(who).isEqualByComparingTo(left));
        assertThat(schedule.familyYearCeiling().subtract(ledger.used(Scope.FAMILY, FAMILY, YEAR_2026))).isEqualByComparingTo("6.890");
        Map<String, String> actFamilyLeft = Map.of("004512-00/OPTICAL", "150.000", "004512-10/OPTICAL", "190.000",
                "004512-01/DENTAL", "504.000", "004512-11/DENTAL", "0.000");
        actFamilyLeft.forEach((key, left) -> assertThat(schedule.actFamilyCeiling(key.substring(key.indexOf('/') + 1)).amount()
                .subtract(ledger.used(Scope.ACT_FAMILY, key, YEAR_2026))).as(key).isEqualByComparingTo(left));
        assertThat(ledger.count("004512-00", "LAB", YEAR_2026)).isEqualTo(3);
        assertThat(ledger.lastCare(TND.policyNumber(), "004512-00", "OPT", LocalDate.of(2026, 12, 31))).contains(LocalDate.of(2026, 2, 10));
        assertThat(ledger.lastCare(TND.policyNumber(), "004512-10", "OPT", LocalDate.of(2026, 12, 31))).contains(LocalDate.of(2026, 3, 2));
        // contract year 2025 (schedule v1): only BS-00
        ContractYear year2025 = TND.yearOf(LocalDate.of(2025, 12, 18));
        assertThat(ledger.used(Scope.FAMILY, FAMILY, year2025)).isEqualByComparingTo("50.080");
    }

    static Map<String, CoveredPerson> family() throws IOException {
        Map<String, CoveredPerson> people = new LinkedHashMap<>();
        for (String[] f : csv(SAMPLES.resolve("family.csv"))) {
            people.put(f[0], new CoveredPerson(f[0], f[1], LocalDate.parse(f[4]), LocalDate.parse(f[5]),
                    f[6].isBlank() ? null : LocalDate.parse(f[6])));
        }
        return people;
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        int lineNo = 1; // the header
        for (String[] f : csv(SAMPLES.resolve("worked-example.csv"))) {
            lineNo++;
            boolean cancel = f[3].equals("CANCEL");
            rows.add(new Row(lineNo, f[0], LocalDate.parse(f[1]), f[2], f[3], cancel ? 0 : Integer.parseInt(f[4]),
                    cancel ? null : new BigDecimal(f[5]), f[6].equals("Y"), cancel ? null : new BigDecimal(f[7]), f[8]));
        }
        return rows;
    }

    /** Semicolon-separated, header skipped; empty trailing fields kept (split with limit -1). */
    private static List<String[]> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.split(";", -1)).toList();
    }
}
