package com.groupcare.hub.claim;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.groupcare.hub.claim.ConsumptionLedger.Scope;
import com.groupcare.hub.contract.ContractFiles;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.contract.InsuranceContract.ContractYear;
import com.groupcare.hub.support.HeapWatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim valuation benchmark (bench/claim-valuation.sh, issue 3): a generated batch of ~100,000
 * claim lines for ~10,000 families under POL-TRS-2026, valued in one pass by one ClaimValuator and
 * one IndexedConsumptionLedger. Measured: wall time of the valuation (generation excluded) and heap.
 * For comparison, the first lines of the same batch through the list-scanning reference ledger.
 * Plain JUnit, no Spring; not part of the test suite (tag "benchmark"). Target: under 20 s.
 */
@Tag("benchmark")
class ClaimValuationBenchmark {

    static final InsuranceContract TND = ContractFiles.load(new FileSystemResource("mappings/contracts/POL-TRS-2026.yaml"));

    @Test
    void valueOneLargeBatch() throws Exception {
        int families = Integer.getInteger("bench.families", 10_000);
        int targetLines = Integer.getInteger("bench.lines", 100_000);
        int compareLines = Integer.getInteger("bench.compareLines", 10_000);
        long seed = Long.getLong("bench.seed", 20260101L);

        long g0 = System.nanoTime();
        ClaimBatchGenerator.Batch batch = ClaimBatchGenerator.generate(families, targetLines, seed);
        double generationSeconds = (System.nanoTime() - g0) / 1e9;
        int people = batch.families().stream().mapToInt(f -> f.people().size()).sum();

        System.gc();
        HeapWatch heap = new HeapWatch();
        heap.start();
        IndexedConsumptionLedger ledger = new IndexedConsumptionLedger();
        long t0 = System.nanoTime();
        List<ValuedClaim> valued = valueAll(batch.claims(), Integer.MAX_VALUE, ledger);
        double seconds = (System.nanoTime() - t0) / 1e9;
        heap.stopWatching();
        heap.join();
        long liveAfterGc = liveHeapAfterGc(); // the batch, its results and the ledger still held

        BigDecimal batchTotal = BigDecimal.ZERO;
        BigDecimal sumOfLines = BigDecimal.ZERO;
        Map<ValuationReason, Integer> reasons = new EnumMap<>(ValuationReason.class);
        int noReason = 0;
        int lines = 0;
        int paidLines = 0;
        for (ValuedClaim claim : valued) {
            batchTotal = batchTotal.add(claim.total());
            for (ValuedLine line : claim.lines()) {
                lines++;
                sumOfLines = sumOfLines.add(line.expected());
                paidLines += line.expected().signum() > 0 ? 1 : 0;
                assertThat(line.expected().scale()).as("TND lines have 3 decimals").isEqualTo(3);
                noReason += line.reasons().isEmpty() ? 1 : 0;
                line.reasons().forEach(r -> reasons.merge(r, 1, Integer::sum));
            }
        }
        assertThat(lines).isEqualTo(batch.lines());
        assertThat(batchTotal).as("the batch total is the sum of its rounded lines").isEqualTo(sumOfLines);
        assertNoCeilingExceeded(batch, ledger);

        Comparison reference = compareLines > 0 ? compare(batch.claims(), compareLines, valued) : null;

        String text = report(batch, people, lines, paidLines, valued.size(), generationSeconds, seconds, batchTotal,
                noReason, reasons, heap, liveAfterGc, reference);
        Path out = Path.of("target", "benchmarks", "claim-valuation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
        System.out.println("\n" + text);
    }

    private static List<ValuedClaim> valueAll(List<ClaimBatchGenerator.Claim> claims, int maxLines, ConsumptionLedger ledger) {
        ClaimValuator valuator = new ClaimValuator();
        List<ValuedClaim> valued = new ArrayList<>(claims.size());
        int lines = 0;
        for (ClaimBatchGenerator.Claim c : claims) {
            if (lines >= maxLines) {
                break;
            }
            valued.add(valuator.value(TND, c.claimId(), c.person(), c.dateOfCare(), c.lines(), ledger));
            lines += c.lines().size();
        }
        return valued;
    }

    /** No beneficiary or family ever gets more than its ceiling in a contract year (schedule v2 in 2026, v1 in 2025). */
    private static void assertNoCeilingExceeded(ClaimBatchGenerator.Batch batch, ConsumptionLedger ledger) {
        for (ClaimBatchGenerator.Family family : batch.families()) {
            for (String day : List.of("2025-12-31", "2026-12-31")) {
                LocalDate date = LocalDate.parse(day);
                ContractYear year = TND.yearOf(date);
                var schedule = TND.scheduleAt(date).orElseThrow();
                assertThat(ledger.used(Scope.FAMILY, family.familyId(), year)).isLessThanOrEqualTo(schedule.familyYearCeiling());
                family.people().forEach(p -> assertThat(ledger.used(Scope.BENEFICIARY, p.beneficiaryId(), year))
                        .isLessThanOrEqualTo(schedule.beneficiaryYearCeiling()));
            }
        }
    }

    record Comparison(int lines, double indexedSeconds, double referenceSeconds) {
    }

    /** The same first lines through both ledgers: same results, and what the list scan costs. */
    private static Comparison compare(List<ClaimBatchGenerator.Claim> claims, int lines, List<ValuedClaim> full) {
        double indexed = time(() -> valueAll(claims, lines, new IndexedConsumptionLedger()));
        List<ValuedClaim> byReference = new ArrayList<>();
        double reference = time(() -> byReference.addAll(valueAll(claims, lines, new InMemoryConsumptionLedger())));
        assertThat(byReference).isEqualTo(full.subList(0, byReference.size()));
        return new Comparison(byReference.stream().mapToInt(c -> c.lines().size()).sum(), indexed, reference);
    }

    private static double time(Supplier<?> work) {
        long t0 = System.nanoTime();
        work.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String report(ClaimBatchGenerator.Batch batch, int people, int lines, int paidLines, int claims,
                                 double generationSeconds, double seconds, BigDecimal total, int noReason,
                                 Map<ValuationReason, Integer> reasons,
                                 HeapWatch heap, long liveAfterGc, Comparison reference) {
        List<String> out = new ArrayList<>();
        out.add("| families | beneficiaries | claims | lines | lines paid | valuation s | lines/s | batch total TND | peak heap used MB | live heap after GC MB |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        out.add(String.format("| %,d | %,d | %,d | %,d | %,d | %.2f | %,.0f | %s | %d | %d |", batch.families().size(), people,
                claims, lines, paidLines, seconds, lines / seconds, total.toPlainString(), heap.peakUsed.get() >> 20,
                liveAfterGc >> 20));
        out.add("");
        out.add(String.format("Generation of the batch (not timed above): %.2f s. Target: under 20 s for 100,000 lines: %s.",
                generationSeconds, seconds < 20 ? "met" : "NOT MET"));
        out.add("");
        out.add("Reasons (a line may carry several; \"(none)\" = paid as charged x rate):");
        out.add("");
        out.add("| reason | lines | % of lines |");
        out.add("|---|---|---|");
        out.add(String.format("| (none) | %,d | %.1f |", noReason, 100.0 * noReason / lines));
        reasons.forEach((k, v) -> out.add(String.format("| %s | %,d | %.1f |", k, v, 100.0 * v / lines)));
        if (reference != null) {
            out.add("");
            out.add(String.format("Same first %,d lines, same results: IndexedConsumptionLedger %.2f s, "
                    + "InMemoryConsumptionLedger (list scan) %.2f s.", reference.lines(), reference.indexedSeconds(),
                    reference.referenceSeconds()));
        }
        out.add("");
        out.add("max heap (-Xmx): " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        return String.join("\n", out) + "\n";
    }

    private static long liveHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
