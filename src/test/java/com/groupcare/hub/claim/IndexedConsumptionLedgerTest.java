package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import com.groupcare.hub.claim.ConsumptionLedger.Reservation;
import com.groupcare.hub.claim.ConsumptionLedger.Scope;
import com.groupcare.hub.contract.ContractFiles;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.contract.InsuranceContract.ContractYear;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexed ledger answers exactly as the simple reference (InMemoryConsumptionLedger) does,
 * amounts compared with equals (value and scale), on the same random sequence of reserves,
 * releases and queries, and when the valuator drives both through a generated batch.
 */
class IndexedConsumptionLedgerTest {

    static final String POLICY = "POL-TRS-2026";

    static final InsuranceContract TND = ContractFiles.load(new FileSystemResource("mappings/contracts/POL-TRS-2026.yaml"));
    static final String[] ACTS = {"PH", "LAB", "OPT", "DEN", "PRO"};
    static final String[] ACT_FAMILIES = {"PHARMACY", "LAB", "OPTICAL", "DENTAL", "DENTAL"};

    @Test
    void sameAnswersAsTheReferenceOnARandomSequence() {
        Random random = new Random(20260301L);
        ConsumptionLedger reference = new InMemoryConsumptionLedger();
        ConsumptionLedger indexed = new IndexedConsumptionLedger();
        int claims = 0;
        int queries = 0;
        int answered = 0; // queries with something found, so the comparison is not only of empty answers
        for (int step = 0; step < 10_000; step++) {
            int op = random.nextInt(100);
            if (op < 45) {
                // lines of the current claim or a new one; a few people, acts and days so keys collide
                if (random.nextInt(3) == 0) {
                    claims++;
                }
                Reservation r = randomReservation(random, "c" + claims, step);
                reference.reserve(r);
                indexed.reserve(r);
            } else if (op < 55) {
                // any claim, released already or never seen included
                String claimId = "c" + random.nextInt(claims + 3);
                reference.release(claimId);
                indexed.release(claimId);
            } else {
                queries++;
                String who = beneficiary(random);
                ContractYear year = TND.yearOf(day(random));
                String act = ACTS[random.nextInt(ACTS.length)];
                String actFamilyKey = who + "/" + ACT_FAMILIES[random.nextInt(ACT_FAMILIES.length)];
                LocalDate onOrBefore = day(random);
                String family = who.substring(0, 2);
                assertThat(indexed.used(Scope.BENEFICIARY, who, year)).as("step %d", step)
                        .isEqualTo(reference.used(Scope.BENEFICIARY, who, year));
                assertThat(indexed.used(Scope.FAMILY, family, year)).as("step %d", step)
                        .isEqualTo(reference.used(Scope.FAMILY, family, year));
                assertThat(indexed.used(Scope.ACT_FAMILY, actFamilyKey, year)).as("step %d", step)
                        .isEqualTo(reference.used(Scope.ACT_FAMILY, actFamilyKey, year));
                assertThat(indexed.lastCare(POLICY, who, act, onOrBefore)).as("step %d", step)
                        .isEqualTo(reference.lastCare(POLICY, who, act, onOrBefore));
                assertThat(indexed.careBetween(POLICY, who, act, onOrBefore.minusMonths(24), onOrBefore.plusMonths(24)))
                        .as("step %d", step).isEqualTo(reference.careBetween(POLICY, who, act, onOrBefore.minusMonths(24),
                                onOrBefore.plusMonths(24)));
                assertThat(indexed.count(who, act, year)).as("step %d", step)
                        .isEqualTo(reference.count(who, act, year));
                answered += reference.count(who, act, year) > 0 && reference.lastCare(POLICY, who, act, onOrBefore).isPresent() ? 1 : 0;
            }
        }
        assertThat(queries).isGreaterThan(4_000);
        assertThat(answered).isGreaterThan(queries / 4);
    }

    @Test
    void theValuatorGivesTheSameClaimsWithEitherLedger() {
        ClaimBatchGenerator.Batch batch = ClaimBatchGenerator.generate(150, 3_000, 7L);
        ClaimValuator valuator = new ClaimValuator();
        ConsumptionLedger reference = new InMemoryConsumptionLedger();
        ConsumptionLedger indexed = new IndexedConsumptionLedger();
        List<ClaimBatchGenerator.Claim> claims = batch.claims();
        for (int i = 0; i < claims.size(); i++) {
            ClaimBatchGenerator.Claim c = claims.get(i);
            ValuedClaim a = valuator.value(TND, c.claimId(), c.person(), c.dateOfCare(), c.lines(), reference);
            ValuedClaim b = valuator.value(TND, c.claimId(), c.person(), c.dateOfCare(), c.lines(), indexed);
            assertThat(b).as(c.claimId()).isEqualTo(a);
            if (i % 11 == 10) {
                // every eleventh claim is cancelled once the next ones have seen it
                String cancelled = claims.get(i - 5).claimId();
                reference.release(cancelled);
                indexed.release(cancelled);
            }
        }
        assertThat(batch.lines()).isEqualTo(3_000);
    }

    @Test
    void anEmptyLedgerAndAFullyReleasedOneAnswerAlike() {
        ConsumptionLedger ledger = new IndexedConsumptionLedger();
        ContractYear year = TND.yearOf(LocalDate.of(2026, 5, 1));
        ledger.reserve(new Reservation("x", 1, "B1", "F1", "OPT", "OPTICAL", LocalDate.of(2026, 5, 1), year, new BigDecimal("250.000")));
        ledger.reserve(new Reservation("x", 2, "B1", "F1", "OPT", "OPTICAL", LocalDate.of(2026, 5, 1), year, new BigDecimal("10.000")));
        assertThat(ledger.used(Scope.FAMILY, "F1", year)).isEqualTo(new BigDecimal("260.000"));
        assertThat(ledger.count("B1", "OPT", year)).isEqualTo(2);

        ledger.release("x");

        assertThat(ledger.used(Scope.ACT_FAMILY, "B1/OPTICAL", year)).isEqualTo(BigDecimal.ZERO);
        assertThat(ledger.lastCare(POLICY, "B1", "OPT", LocalDate.of(2027, 1, 1))).isEmpty();
        assertThat(ledger.count("B1", "OPT", year)).isZero();
    }

    private static Reservation randomReservation(Random random, String claimId, int lineNo) {
        String who = beneficiary(random);
        int act = random.nextInt(ACTS.length);
        LocalDate date = day(random);
        BigDecimal amount = BigDecimal.valueOf(random.nextInt(500_000), 3); // TND: 3 decimals, as the valuator reserves
        return new Reservation(claimId, lineNo, who, who.substring(0, 2), ACTS[act], ACT_FAMILIES[act], date,
                TND.yearOf(date), amount);
    }

    /** Families F1-F4 with beneficiaries F1-0 ... F4-2. */
    private static String beneficiary(Random random) {
        return "F" + (1 + random.nextInt(4)) + "-" + random.nextInt(3);
    }

    /** A day from mid-2025 to mid-2027: three contract years. */
    private static LocalDate day(Random random) {
        return LocalDate.of(2025, 6, 1).plusDays(random.nextInt(730));
    }
}
