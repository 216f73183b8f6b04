package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.groupcare.hub.contract.BenefitRule;
import com.groupcare.hub.contract.BenefitSchedule;
import com.groupcare.hub.contract.ContractFiles;
import com.groupcare.hub.contract.InsuranceContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.FileSystemResource;

import static com.groupcare.hub.claim.ValuationReason.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expected reimbursement, case by case, each amount worked out by hand in the comment. The TND
 * contract is mappings/contracts/POL-TRS-2026.yaml (schedule v1 in 2025, v2 from 2026).
 */
class ClaimValuationTest {

    static final InsuranceContract TND = ContractFiles.load(new FileSystemResource("mappings/contracts/POL-TRS-2026.yaml"));
    static final InsuranceContract MAD = simple("MAD", "0.85", "1000.00", MonthDay.of(7, 1));
    static final InsuranceContract XOF = simple("XOF", "0.75", "500000", MonthDay.of(1, 1));
    static final InsuranceContract EUR = simple("EUR", "0.70", "3000.00", MonthDay.of(1, 1));

    // family F1: member, spouse, a child of 12, a teenager of 16; F2 a newcomer; F3 a leaver
    static final CoveredPerson MEMBER = person("B1", "F1", "1980-05-10", "2020-01-01", null);
    static final CoveredPerson SPOUSE = person("B2", "F1", "1982-03-03", "2020-01-01", null);
    static final CoveredPerson CHILD = person("B3", "F1", "2014-06-01", "2014-06-01", null);
    static final CoveredPerson TEEN = person("B6", "F1", "2010-03-15", "2010-03-15", null);
    static final CoveredPerson CHILD_15 = person("B7", "F1", "2011-05-01", "2011-05-01", null);
    static final CoveredPerson NEWCOMER = person("B4", "F2", "1990-01-01", "2026-02-01", null);
    static final CoveredPerson LEAVER = person("B5", "F3", "1975-09-09", "2010-01-01", "2026-04-30");
    // the seed on portfolio management: cover ends at the renewal after 65; no cover starting past 60
    static final CoveredPerson TURNS_65_IN_MARCH = person("B8", "F4", "1961-03-10", "2000-01-01", null);
    static final CoveredPerson TURNS_65_ON_RENEWAL = person("B9", "F4", "1961-01-01", "2000-01-01", null);
    static final CoveredPerson JOINED_AT_61 = person("B10", "F5", "1965-01-15", "2026-02-01", null);
    static final CoveredPerson JOINED_AT_60 = person("B11", "F5", "1965-06-15", "2026-02-01", null);

    record Prior(CoveredPerson who, String date, ClaimLineInput line) {
    }

    record Case(String name, InsuranceContract contract, List<Prior> priors, CoveredPerson who, String date,
                ClaimLineInput line, String expected, List<ValuationReason> reasons) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // rate
                c("pharmacy at 90%: 57.350 x 0.90 = 51.615", MEMBER, "2026-03-10", l("PH", 1, "57.350"), "51.615"),
                c("half-up per line: 10.005 x 0.90 = 9.0045 -> 9.005", MEMBER, "2026-03-10", l("PH", 1, "10.005"), "9.005"),
                c("rounding up: 33.333 x 0.90 = 29.9997 -> 30.000", MEMBER, "2026-03-10", l("PH", 1, "33.333"), "30.000"),
                // reference tariff
                c("charged 20 under tariff 25: base 20 -> 16.000", MEMBER, "2026-03-10", l("C1", 1, "20.000"), "16.000"),
                c("charged 40 over tariff 25: base 25 -> 20.000", MEMBER, "2026-03-10", l("C1", 1, "40.000"), "20.000", TARIFF_APPLIED),
                c("2 consultations charged 45 under tariff 50: 36.000", MEMBER, "2026-03-10", l("C1", 2, "45.000"), "36.000"),
                c("2 consultations charged 60 over tariff 50: 40.000", MEMBER, "2026-03-10", l("C1", 2, "60.000"), "40.000", TARIFF_APPLIED),
                c("specialist charged exactly the tariff 45: 36.000", MEMBER, "2026-03-10", l("C2", 1, "45.000"), "36.000"),
                c("3 hospital days charged 450, tariff 3 x 120 = 360 x 0.90 = 324.000", MEMBER, "2026-03-10", v("HOS", 3, "450.000"), "324.000", TARIFF_APPLIED),
                // per-act cap
                c("x-ray 180 x 0.70 = 126.000 under the cap 150", MEMBER, "2026-03-10", l("RX", 1, "180.000"), "126.000"),
                c("x-ray 300 x 0.70 = 210 capped at 150.000", MEMBER, "2026-03-10", l("RX", 1, "300.000"), "150.000", CAP_APPLIED),
                c("glasses 180 at 100% with a voucher: 180.000", MEMBER, "2026-03-10", v("OPT", 1, "180.000"), "180.000"),
                c("glasses 320 capped at 250.000", MEMBER, "2026-03-10", v("OPT", 1, "320.000"), "250.000", CAP_APPLIED),
                c("childbirth 1000 capped at 800.000", NEWCOMER, "2026-11-01", l("MAT", 1, "1000.000"), "800.000", CAP_APPLIED),
                // vouchers
                c("glasses without a voucher: 0", MEMBER, "2026-03-10", l("OPT", 1, "180.000"), "0.000", VOUCHER_MISSING),
                c("hospital without a voucher: 0", MEMBER, "2026-03-10", l("HOS", 1, "120.000"), "0.000", VOUCHER_MISSING),
                // periodicity: glasses once in 24 months
                c("glasses again 8 months later: 0", List.of(p(MEMBER, "2026-01-15", v("OPT", 1, "200.000"))),
                        MEMBER, "2026-09-01", v("OPT", 1, "150.000"), "0.000", PERIODICITY),
                c("glasses again 24 months later to the day: 200.000", List.of(p(MEMBER, "2026-01-10", v("OPT", 1, "200.000"))),
                        MEMBER, "2028-01-10", v("OPT", 1, "200.000"), "200.000"),
                c("glasses again one day short of 24 months: 0", List.of(p(MEMBER, "2026-01-10", v("OPT", 1, "200.000"))),
                        MEMBER, "2028-01-09", v("OPT", 1, "200.000"), "0.000", PERIODICITY),
                c("glasses on 29/02/2028, again on 28/02/2030 (24 months by the calendar): 200.000",
                        List.of(p(MEMBER, "2028-02-29", v("OPT", 1, "200.000"))), MEMBER, "2030-02-28", v("OPT", 1, "200.000"), "200.000"),
                c("the same two filed the other way round: 200.000 too",
                        List.of(p(MEMBER, "2030-02-28", v("OPT", 1, "200.000"))), MEMBER, "2028-02-29", v("OPT", 1, "200.000"), "200.000"),
                c("a form filed late for care 8 months before glasses already paid: 0",
                        List.of(p(MEMBER, "2026-09-01", v("OPT", 1, "200.000"))), MEMBER, "2026-01-15", v("OPT", 1, "150.000"), "0.000", PERIODICITY),
                c("glasses for the spouse after the member's: periodicity is per beneficiary, 120.000",
                        List.of(p(MEMBER, "2026-01-10", v("OPT", 1, "200.000"))), SPOUSE, "2026-02-01", v("OPT", 1, "120.000"), "120.000"),
                // waiting period from the beneficiary's cover start (2026-02-01)
                c("dental 5 months 30 days after the start: waiting period, 0", NEWCOMER, "2026-07-31", l("DEN", 1, "100.000"), "0.000", WAITING_PERIOD),
                c("dental 6 months after the start: 100 x 0.80 = 80.000", NEWCOMER, "2026-08-01", l("DEN", 1, "100.000"), "80.000"),
                c("childbirth the day before 9 months: 0", NEWCOMER, "2026-10-31", l("MAT", 1, "900.000"), "0.000", WAITING_PERIOD),
                c("long-standing member has no waiting period: 80.000", MEMBER, "2026-03-10", l("DEN", 1, "100.000"), "80.000"),
                // age limits (orthodontics up to 15)
                c("orthodontics at 16: age limit, 0", TEEN, "2026-06-01", v("ODF", 1, "600.000"), "0.000", AGE_LIMIT),
                c("orthodontics at 12: 600 x 0.50 = 300.000", CHILD, "2026-06-01", v("ODF", 1, "600.000"), "300.000"),
                c("orthodontics on the 15th birthday: 100 x 0.50 = 50.000", CHILD_15, "2026-05-01", v("ODF", 1, "100.000"), "50.000"),
                // rights
                c("leaver the day after rights closed: 0", LEAVER, "2026-05-01", l("PH", 1, "10.000"), "0.000", RIGHTS_CLOSED),
                c("leaver on the last covered day: 9.000", LEAVER, "2026-04-30", l("PH", 1, "10.000"), "9.000"),
                // age rules of the contract (defaults of the seed: 60 to subscribe, cover ends at the renewal after 65)
                c("65 in March 2026: still covered until the renewal, 90.000", TURNS_65_IN_MARCH, "2026-12-31", l("PH", 1, "100.000"), "90.000"),
                c("65 in March 2026: no cover after the renewal of 2027-01-01, 0", TURNS_65_IN_MARCH, "2027-01-15", l("PH", 1, "100.000"), "0.000", AGE_LIMIT),
                c("65 on the renewal day itself: not renewed, 0", TURNS_65_ON_RENEWAL, "2026-01-05", l("PH", 1, "100.000"), "0.000", AGE_LIMIT),
                c("65 on the renewal day: covered the day before, 80.000 (v1)", TURNS_65_ON_RENEWAL, "2025-12-31", l("PH", 1, "100.000"), "80.000"),
                c("cover started at 61: past the subscription age limit, 0", JOINED_AT_61, "2026-03-10", l("PH", 1, "100.000"), "0.000", AGE_LIMIT),
                c("cover started at 60: within the subscription age limit, 90.000", JOINED_AT_60, "2026-03-10", l("PH", 1, "100.000"), "90.000"),
                c("act not in the schedule: 0", MEMBER, "2026-03-10", l("ACU", 1, "80.000"), "0.000", ACT_NOT_COVERED),
                // schedule versions and contract years
                c("glasses in 2025: not in schedule v1, 0", MEMBER, "2025-06-01", v("OPT", 1, "200.000"), "0.000", ACT_NOT_COVERED),
                c("consultation on 2025-12-31: v1 tariff 20 -> 16.000", MEMBER, "2025-12-31", l("C1", 1, "40.000"), "16.000", TARIFF_APPLIED),
                c("consultation on 2026-01-01: v2 tariff 25 -> 20.000", MEMBER, "2026-01-01", l("C1", 1, "40.000"), "20.000", TARIFF_APPLIED),
                c("pharmacy on 2025-12-31 at the v1 rate: 57.350 x 0.80 = 45.880", MEMBER, "2025-12-31", l("PH", 1, "57.350"), "45.880"),
                c("care before the first schedule: 0", MEMBER, "2024-12-31", l("PH", 1, "10.000"), "0.000", NO_SCHEDULE),
                // beneficiary ceiling 2000 per year
                c("beneficiary ceiling partly used: 1900 used, 200 x 0.90 = 180 -> 100.000",
                        List.of(p(MEMBER, "2026-02-01", l("PH", 1, "2111.111"))), MEMBER, "2026-03-10", l("PH", 1, "200.000"), "100.000", BENEFICIARY_CEILING),
                c("beneficiary ceiling exhausted: 0",
                        List.of(p(MEMBER, "2026-02-01", l("PH", 1, "2222.222"))), MEMBER, "2026-03-10", l("PH", 1, "50.000"), "0.000", CEILING_EXHAUSTED, BENEFICIARY_CEILING),
                c("previous contract year's use does not count: 45.000",
                        List.of(p(MEMBER, "2025-11-01", l("PH", 1, "1875.000"))), MEMBER, "2026-01-05", l("PH", 1, "50.000"), "45.000"),
                // family ceiling 5000 shared by the family
                c("family ceiling shared: 2000 + 2000 used, child 1500 x 0.90 = 1350 -> 1000.000",
                        List.of(p(MEMBER, "2026-02-01", l("PH", 1, "2222.222")), p(SPOUSE, "2026-02-02", l("PH", 1, "2222.222"))),
                        CHILD, "2026-03-10", l("PH", 1, "1500.000"), "1000.000", FAMILY_CEILING),
                c("another family is not affected: 1350.000",
                        List.of(p(MEMBER, "2026-02-01", l("PH", 1, "2222.222")), p(SPOUSE, "2026-02-02", l("PH", 1, "2222.222"))),
                        NEWCOMER, "2026-03-10", l("PH", 1, "1500.000"), "1350.000"),
                // act-family ceiling (DENTAL 600 per beneficiary and year)
                c("dental family ceiling: 400 used, 400 x 0.80 = 320 -> 200.000",
                        List.of(p(MEMBER, "2026-02-01", l("DEN", 1, "500.000"))), MEMBER, "2026-03-10", l("DEN", 1, "400.000"), "200.000", ACT_FAMILY_CEILING),
                c("dental family ceiling exhausted by a prosthesis: 0",
                        List.of(p(MEMBER, "2026-02-01", l("DEN", 1, "500.000")), p(MEMBER, "2026-02-05", v("PRO", 1, "500.000"))),
                        MEMBER, "2026-03-10", l("DEN", 1, "100.000"), "0.000", CEILING_EXHAUSTED, ACT_FAMILY_CEILING),
                // maximum count per year (lab 3 times)
                c("fourth lab test in the year: 0",
                        List.of(p(MEMBER, "2026-01-10", l("LAB", 1, "40.000")), p(MEMBER, "2026-02-10", l("LAB", 1, "40.000")),
                                p(MEMBER, "2026-03-10", l("LAB", 1, "40.000"))), MEMBER, "2026-04-10", l("LAB", 1, "40.000"), "0.000", MAX_COUNT),
                c("first lab test of the next year: 40 x 0.75 = 30.000",
                        List.of(p(MEMBER, "2026-01-10", l("LAB", 1, "40.000")), p(MEMBER, "2026-02-10", l("LAB", 1, "40.000")),
                                p(MEMBER, "2026-03-10", l("LAB", 1, "40.000"))), MEMBER, "2027-01-02", l("LAB", 1, "40.000"), "30.000"),
                // currencies: MAD 2 decimals (contract year from 1 July), XOF 0, EUR 2
                c("MAD: 33.35 x 0.85 = 28.3475 -> 28.35", MAD, List.of(), MEMBER, "2026-03-10", l("PH", 1, "33.35"), "28.35"),
                c("MAD half-up: 10.10 x 0.85 = 8.585 -> 8.59", MAD, List.of(), MEMBER, "2026-03-10", l("PH", 1, "10.10"), "8.59"),
                c("MAD ceiling year from 1 July: 2026-06-30 use does not count on 2026-07-01, 85.00",
                        MAD, List.of(p(MEMBER, "2026-06-30", l("PH", 1, "1200.00"))), MEMBER, "2026-07-01", l("PH", 1, "100.00"), "85.00"),
                c("MAD ceiling year from 1 July: same contract year on 2026-06-30, exhausted",
                        MAD, List.of(p(MEMBER, "2026-01-15", l("PH", 1, "1200.00"))), MEMBER, "2026-06-30", l("PH", 1, "100.00"), "0.00", CEILING_EXHAUSTED, BENEFICIARY_CEILING),
                c("XOF: 12345 x 0.75 = 9258.75 -> 9259", XOF, List.of(), MEMBER, "2026-03-10", l("PH", 1, "12345"), "9259"),
                c("XOF half-up: 1002 x 0.75 = 751.5 -> 752", XOF, List.of(), MEMBER, "2026-03-10", l("PH", 1, "1002"), "752"),
                c("XOF down: 1001 x 0.75 = 750.75 -> 751; 1003 x 0.75 = 752.25 -> 752", XOF, List.of(), MEMBER, "2026-03-10", l("PH", 1, "1003"), "752"),
                c("EUR contract ended on 2027-12-31: care on 2028-01-01 is outside it, 0", EUR, List.of(), MEMBER,
                        "2028-01-01", l("PH", 1, "19.99"), "0.00", CONTRACT_ENDED),
                c("TND amount with 4 decimals is malformed: 0", MEMBER, "2026-03-10", l("PH", 1, "10.0004"), "0.000", MALFORMED_LINE),
                c("negative amount is malformed: 0", MEMBER, "2026-03-10", l("PH", 1, "-5.000"), "0.000", MALFORMED_LINE),
                c("EUR: 19.99 x 0.70 = 13.993 -> 13.99", EUR, List.of(), MEMBER, "2026-03-10", l("PH", 1, "19.99"), "13.99"),
                c("EUR half-up: 0.05 x 0.70 = 0.035 -> 0.04", EUR, List.of(), MEMBER, "2026-03-10", l("PH", 1, "0.05"), "0.04"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void expectedReimbursement(Case k) {
        ConsumptionLedger ledger = new InMemoryConsumptionLedger();
        ClaimValuator valuator = new ClaimValuator();
        int n = 0;
        for (Prior prior : k.priors()) {
            valuator.value(k.contract(), "prior-" + n++, prior.who(), LocalDate.parse(prior.date()), List.of(prior.line()), ledger);
        }
        ValuedClaim claim = valuator.value(k.contract(), "claim", k.who(), LocalDate.parse(k.date()), List.of(k.line()), ledger);

        ValuedLine line = claim.lines().get(0);
        assertThat(line.expected()).isEqualTo(new BigDecimal(k.expected()));
        assertThat(line.reasons()).containsExactlyElementsOf(k.reasons());
        assertThat(claim.total()).isEqualTo(line.expected());
    }

    @Test
    void theClaimTotalIsTheSumOfItsRoundedLinesAndLinesOfOneClaimShareTheCeilings() {
        ConsumptionLedger ledger = new InMemoryConsumptionLedger();
        ValuedClaim claim = new ClaimValuator().value(TND, "C-1", MEMBER, LocalDate.parse("2026-03-10"), List.of(
                l("C1", 1, "40.000"),      // tariff 25 x 0.80 = 20.000
                l("PH", 1, "10.005"),      // 9.0045 -> 9.005
                l("ACU", 1, "80.000"),     // not covered: 0.000
                l("PH", 1, "1100.000"),    // 990.000
                l("PH", 1, "1100.000"),    // 990.000 -> 20 + 9.005 + 990 + 990 = 2009.005 > 2000: 980.995
                v("OPT", 1, "150.000"),    // ceiling exhausted: 0.000
                v("OPT", 1, "150.000")),   // same day, second pair: 0.000 (ceiling first)
                ledger);

        assertThat(claim.lines()).extracting(ValuedLine::expected).map(BigDecimal::toPlainString)
                .containsExactly("20.000", "9.005", "0.000", "990.000", "980.995", "0.000", "0.000");
        assertThat(claim.lines().get(4).reasons()).containsExactly(BENEFICIARY_CEILING);
        assertThat(claim.total()).isEqualByComparingTo("2000.000");
        assertThat(claim.total()).isEqualTo(claim.lines().stream().map(ValuedLine::expected).reduce(BigDecimal::add).orElseThrow());
    }

    @Test
    void twoPairsOfGlassesTheSameDayPayOnce() {
        ValuedClaim claim = new ClaimValuator().value(TND, "C-2", SPOUSE, LocalDate.parse("2026-03-10"),
                List.of(v("OPT", 1, "150.000"), v("OPT", 1, "150.000")), new InMemoryConsumptionLedger());
        assertThat(claim.lines()).extracting(ValuedLine::expected).map(BigDecimal::toPlainString).containsExactly("150.000", "0.000");
        assertThat(claim.lines().get(1).reasons()).containsExactly(PERIODICITY);
    }

    @Test
    void cancellingAClaimGivesItsCeilingBack() {
        ConsumptionLedger ledger = new InMemoryConsumptionLedger();
        ClaimValuator valuator = new ClaimValuator();
        valuator.value(TND, "big", MEMBER, LocalDate.parse("2026-02-01"), List.of(l("PH", 1, "2222.222")), ledger);
        assertThat(valuator.value(TND, "next", MEMBER, LocalDate.parse("2026-03-01"), List.of(l("PH", 1, "100.000")), ledger)
                .total()).isEqualByComparingTo("0");

        ledger.release("big");
        ledger.release("next");

        assertThat(valuator.value(TND, "again", MEMBER, LocalDate.parse("2026-03-01"), List.of(l("PH", 1, "100.000")), ledger)
                .total()).isEqualTo(new BigDecimal("90.000"));
    }

    @Test
    void thereAreAtLeastFortyHandWorkedCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(40);
    }

    static Case c(String name, CoveredPerson who, String date, ClaimLineInput line, String expected, ValuationReason... reasons) {
        return new Case(name, TND, List.of(), who, date, line, expected, Arrays.asList(reasons));
    }

    static Case c(String name, List<Prior> priors, CoveredPerson who, String date, ClaimLineInput line, String expected,
                  ValuationReason... reasons) {
        return new Case(name, TND, priors, who, date, line, expected, Arrays.asList(reasons));
    }

    static Case c(String name, InsuranceContract contract, List<Prior> priors, CoveredPerson who, String date,
                  ClaimLineInput line, String expected, ValuationReason... reasons) {
        return new Case(name, contract, priors, who, date, line, expected, Arrays.asList(reasons));
    }

    static Prior p(CoveredPerson who, String date, ClaimLineInput line) {
        return new Prior(who, date, line);
    }

    /** A line without a care voucher. */
    static ClaimLineInput l(String act, int quantity, String charged) {
        return new ClaimLineInput(act, quantity, new BigDecimal(charged), false);
    }

    /** A line with its care voucher. */
    static ClaimLineInput v(String act, int quantity, String charged) {
        return new ClaimLineInput(act, quantity, new BigDecimal(charged), true);
    }

    static CoveredPerson person(String id, String family, String birth, String start, String end) {
        return new CoveredPerson(id, family, LocalDate.parse(birth), LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    /** A one-act contract (pharmacy at the given rate, a beneficiary ceiling) in another currency. */
    static InsuranceContract simple(String currency, String rate, String ceiling, MonthDay yearStart) {
        BenefitRule ph = new BenefitRule("PH", "Pharmacy", "PHARMACY", new BigDecimal(rate), null, null, null, null,
                null, null, false, null);
        BenefitSchedule schedule = new BenefitSchedule(1, LocalDate.parse("2020-01-01"), Map.of("PH", ph),
                new BigDecimal(ceiling), null, Map.of());
        return new InsuranceContract("POL-" + currency, "Example insurer", currency, yearStart, "TACIT",
                LocalDate.parse("2027-12-31"), BigDecimal.ONE, "ACTIVE",
                List.of(schedule), null, null, null);
    }
}
