package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A deterministic batch of claims for TRANSUD families under POL-TRS-2026: members, spouses and
 * children with realistic birth dates and cover starts (some spouses incorporated in 2026, some
 * leavers, children losing cover at 21), claims of 1-5 lines over 2026 with a few in December 2025
 * (schedule v1), every act code of the contract plus one it does not cover. Same seed, same batch.
 */
final class ClaimBatchGenerator {

    record Family(String familyId, List<CoveredPerson> people) {
    }

    record Claim(String claimId, CoveredPerson person, LocalDate dateOfCare, List<ClaimLineInput> lines) {
    }

    record Batch(List<Family> families, List<Claim> claims, int lines) {
    }

    /** Act code, weight in %, charged range in TND, most units on one line. ACU is not in the schedule. */
    private record Act(String code, int weight, int min, int max, int maxQuantity, boolean voucher) {
    }

    private static final List<Act> ACTS = List.of(
            new Act("PH", 30, 5, 250, 1, false), new Act("C1", 19, 20, 45, 2, false),
            new Act("C2", 12, 35, 90, 1, false), new Act("LAB", 10, 15, 180, 1, false),
            new Act("DEN", 8, 30, 350, 1, false), new Act("RX", 6, 40, 400, 1, false),
            new Act("OPT", 3, 120, 700, 1, true), new Act("HOS", 3, 90, 250, 10, true),
            new Act("PRO", 2, 300, 1800, 1, true), new Act("ODF", 3, 400, 2000, 1, true),
            new Act("MAT", 2, 600, 2500, 1, false), new Act("ACU", 2, 40, 90, 1, false));
    private static final LocalDate YEAR_START = LocalDate.of(2026, 1, 1);
    private static final LocalDate DECEMBER_2025 = LocalDate.of(2025, 12, 1);
    private static final LocalDate LAST_HIRE = LocalDate.of(2026, 10, 31);
    private static final LocalDate LAST_BIRTH = LocalDate.of(2026, 6, 30);

    private final Random random;

    private ClaimBatchGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** About 3.2 people per family and 3 lines per claim: 10,000 families and 100,000 lines give ~10 claims a family. */
    static Batch generate(int familyCount, int targetLines, long seed) {
        return new ClaimBatchGenerator(seed).batch(familyCount, targetLines);
    }

    private Batch batch(int familyCount, int targetLines) {
        List<Family> families = new ArrayList<>();
        for (int f = 1; f <= familyCount; f++) {
            families.add(family(String.format("%06d", f)));
        }
        List<Claim> claims = new ArrayList<>();
        int lines = 0;
        while (lines < targetLines) {
            // a fifth of the forms come from one family in twenty (chronic care, a stay in hospital):
            // those reach their ceilings
            int f = random.nextInt(5) == 0 ? 20 * random.nextInt(Math.max(1, families.size() / 20)) : random.nextInt(families.size());
            Family family = families.get(f);
            CoveredPerson person = family.people().get(random.nextInt(family.people().size()));
            LocalDate date = dateOfCare(person);
            int size = Math.min(1 + random.nextInt(5), targetLines - lines);
            List<ClaimLineInput> claimLines = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                claimLines.add(line(person, date));
            }
            claims.add(new Claim(null, person, date, claimLines));
            lines += size;
        }
        // a batch is valued in order of care, as the desk files them; ids follow that order
        claims.sort(Comparator.comparing(Claim::dateOfCare));
        List<Claim> numbered = new ArrayList<>(claims.size());
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            numbered.add(new Claim(String.format("BS-%07d", i + 1), c.person(), c.dateOfCare(), c.lines()));
        }
        return new Batch(families, numbered, lines);
    }

    /**
     * 3 % of the forms are December 2025 care filed late (schedule v1); the rest is 2026. Never before
     * the person's cover start; after a leaver's rights closed, yes (the desk receives those too).
     */
    private LocalDate dateOfCare(CoveredPerson person) {
        LocalDate from = random.nextInt(100) < 3 ? DECEMBER_2025 : YEAR_START;
        LocalDate until = from.equals(DECEMBER_2025) ? YEAR_START : YEAR_START.plusYears(1); // exclusive
        if (!person.coverStart().isBefore(until)) {
            from = YEAR_START; // not covered yet in December 2025: a 2026 form instead
            until = YEAR_START.plusYears(1);
        }
        from = later(from, person.coverStart()); // cover starts are all before 2027
        return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, until)));
    }

    private Family family(String familyId) {
        List<CoveredPerson> people = new ArrayList<>();
        LocalDate memberBirth = LocalDate.of(1962, 1, 1).plusDays(random.nextInt(40 * 365)); // 25 to 64 in 2026
        LocalDate canStart = later(memberBirth.plusYears(20), LocalDate.of(1995, 1, 1));
        LocalDate hired = canStart.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(canStart, LAST_HIRE) + 1));
        LocalDate leaves = random.nextInt(100) < 3 ? YEAR_START.plusDays(random.nextInt(365)) : null;
        people.add(new CoveredPerson(familyId + "-00", familyId, memberBirth, hired, leaves));
        if (random.nextInt(100) < 65) {
            LocalDate spouseBirth = memberBirth.plusDays(random.nextInt(3650) - 1825);
            // 6 % of spouses joined this year (a recent marriage): their waiting periods are running
            LocalDate joined = random.nextInt(100) < 6 ? YEAR_START.plusDays(random.nextInt(300)) : hired;
            people.add(new CoveredPerson(familyId + "-01", familyId, spouseBirth, later(joined, hired), leaves));
        }
        // children still covered: born when the member was 22 to 45, from 2005 (older ones are past 21)
        LocalDate firstBirth = later(memberBirth.plusYears(22), LocalDate.of(2005, 1, 1));
        LocalDate lastBirth = memberBirth.plusYears(45).isBefore(LAST_BIRTH) ? memberBirth.plusYears(45) : LAST_BIRTH;
        int children = firstBirth.isAfter(lastBirth) || random.nextInt(100) < 15 ? 0 : 1 + random.nextInt(3);
        for (int c = 0; c < children; c++) {
            LocalDate birth = firstBirth.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(firstBirth, lastBirth) + 1));
            // children lose cover the day before their 21st birthday (no student or disability extension here)
            LocalDate ageLimit = birth.plusYears(21).minusDays(1);
            LocalDate end = leaves != null && leaves.isBefore(ageLimit) ? leaves : ageLimit;
            people.add(new CoveredPerson(familyId + "-" + (10 + c), familyId, birth, later(birth, hired), end));
        }
        return new Family(familyId, List.copyOf(people));
    }

    private ClaimLineInput line(CoveredPerson person, LocalDate date) {
        Act act = pick();
        int age = age(person, date);
        if (act.code().equals("MAT") && !(age >= 20 && age <= 45)) {
            act = ACTS.get(0); // childbirth only for adults of that age; pharmacy otherwise
        }
        if (act.code().equals("ODF") && age > 17 && random.nextInt(5) > 0) {
            act = ACTS.get(4); // orthodontics is mostly for children; most adults get plain dental care
        }
        int quantity = act.maxQuantity() == 1 ? 1 : 1 + random.nextInt(act.maxQuantity());
        if (act.code().equals("C1")) {
            quantity = random.nextInt(10) == 0 ? 2 : 1;
        }
        // skewed towards the low end: most pharmacy bills are small, a few are large
        double u = random.nextDouble();
        long millimes = act.min() * 1000L + (long) (u * u * (act.max() - act.min()) * 1000L);
        BigDecimal charged = BigDecimal.valueOf(millimes * quantity, 3);
        boolean voucher = act.voucher() ? random.nextInt(100) < 92 : random.nextInt(100) < 3;
        return new ClaimLineInput(act.code(), quantity, charged, voucher);
    }

    private Act pick() {
        int n = random.nextInt(ACTS.stream().mapToInt(Act::weight).sum());
        for (Act act : ACTS) {
            n -= act.weight();
            if (n < 0) {
                return act;
            }
        }
        throw new IllegalStateException();
    }

    private static int age(CoveredPerson person, LocalDate date) {
        return Period.between(person.birthDate(), date).getYears();
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
