package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.groupcare.hub.contract.InsuranceContract.ContractYear;

/**
 * A ledger held in memory with an index per question the valuator asks, so each call costs a few
 * hash look-ups instead of a scan of every reservation (the tests' InMemoryConsumptionLedger is the
 * simple reference). The production ledger ({@link JdbcConsumptionLedger}) answers through it: sums by scope + key + year, care dates and counts by beneficiary + act, reservations
 * by claim for release. Gives the same answers as the reference, to the scale of the amounts.
 * Not thread-safe, like the reference: one batch valued at a time.
 */
public class IndexedConsumptionLedger implements ConsumptionLedger {

    private record SumKey(Scope scope, String key, ContractYear year) {
    }

    private record ActKey(String policyNumber, String beneficiaryId, String actCode) {
    }

    private record CountKey(String beneficiaryId, String actCode, ContractYear year) {
    }

    /** A running sum and how many lines make it, so an emptied sum is dropped and reads as ZERO again. */
    private static final class Sum {
        BigDecimal amount = BigDecimal.ZERO;
        int lines;
    }

    private final Map<SumKey, Sum> sums = new HashMap<>();
    /** Dates of care with how many reserved lines fall on each: released lines must not leave a date behind. */
    private final Map<ActKey, TreeMap<LocalDate, Integer>> careDates = new HashMap<>();
    private final Map<CountKey, Integer> counts = new HashMap<>();
    private final Map<String, List<Reservation>> byClaim = new HashMap<>();

    @Override
    public BigDecimal used(Scope scope, String key, ContractYear year) {
        Sum sum = sums.get(new SumKey(scope, key, year));
        return sum == null ? BigDecimal.ZERO : sum.amount;
    }

    @Override
    public Optional<LocalDate> lastCare(String policyNumber, String beneficiaryId, String actCode, LocalDate onOrBefore) {
        TreeMap<LocalDate, Integer> dates = careDates.get(new ActKey(policyNumber, beneficiaryId, actCode));
        return dates == null ? Optional.empty() : Optional.ofNullable(dates.floorKey(onOrBefore));
    }

    @Override
    public Optional<LocalDate> careBetween(String policyNumber, String beneficiaryId, String actCode, LocalDate after,
                                           LocalDate before) {
        TreeMap<LocalDate, Integer> dates = careDates.get(new ActKey(policyNumber, beneficiaryId, actCode));
        LocalDate next = dates == null ? null : dates.higherKey(after);
        return next != null && next.isBefore(before) ? Optional.of(next) : Optional.empty();
    }

    @Override
    public int count(String beneficiaryId, String actCode, ContractYear year) {
        return counts.getOrDefault(new CountKey(beneficiaryId, actCode, year), 0);
    }

    @Override
    public void reserve(Reservation r) {
        byClaim.computeIfAbsent(r.claimId(), id -> new ArrayList<>()).add(r);
        for (SumKey key : sumKeys(r)) {
            Sum sum = sums.computeIfAbsent(key, k -> new Sum());
            sum.amount = sum.amount.add(r.amount());
            sum.lines++;
        }
        careDates.computeIfAbsent(new ActKey(r.year().policyNumber(), r.beneficiaryId(), r.actCode()), k -> new TreeMap<>())
                .merge(r.dateOfCare(), 1, Integer::sum);
        counts.merge(new CountKey(r.beneficiaryId(), r.actCode(), r.year()), 1, Integer::sum);
    }

    @Override
    public void release(String claimId) {
        List<Reservation> reserved = byClaim.remove(claimId);
        if (reserved == null) {
            return;
        }
        for (Reservation r : reserved) {
            for (SumKey key : sumKeys(r)) {
                Sum sum = sums.get(key);
                sum.amount = sum.amount.subtract(r.amount());
                if (--sum.lines == 0) {
                    sums.remove(key);
                }
            }
            ActKey act = new ActKey(r.year().policyNumber(), r.beneficiaryId(), r.actCode());
            TreeMap<LocalDate, Integer> dates = careDates.get(act);
            dates.computeIfPresent(r.dateOfCare(), (d, n) -> n == 1 ? null : n - 1);
            if (dates.isEmpty()) {
                careDates.remove(act);
            }
            counts.computeIfPresent(new CountKey(r.beneficiaryId(), r.actCode(), r.year()), (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Act-family keys as the valuator asks for them: beneficiary/act family and family/act family. */
    private static List<SumKey> sumKeys(Reservation r) {
        return List.of(new SumKey(Scope.BENEFICIARY, r.beneficiaryId(), r.year()),
                new SumKey(Scope.FAMILY, r.familyId(), r.year()),
                new SumKey(Scope.ACT_FAMILY, r.beneficiaryId() + "/" + r.actFamily(), r.year()),
                new SumKey(Scope.FAMILY_ACT_FAMILY, r.familyId() + "/" + r.actFamily(), r.year()));
    }
}
