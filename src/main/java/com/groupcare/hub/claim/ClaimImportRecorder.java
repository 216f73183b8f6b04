package com.groupcare.hub.claim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import com.groupcare.hub.claim.ClaimRequests.NewLine;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.Money;
import com.groupcare.hub.common.PgCopy;
import com.groupcare.hub.common.SafeErrors;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.exchange.LineError;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records the forms of one chunk of a claims import in a few statements: the beneficiaries found
 * and their families locked at once, their consumption read once, every form valued in file order
 * in memory, then claims, lines, reservations and audit entries written in bulk. A form that needs
 * the database on its own (a voucher to consume, a number already recorded) goes through
 * {@link ClaimService#record} on a savepoint, in its turn. Either way a form is valued exactly as if
 * it were recorded alone through the API (ClaimImportLedgerTest).
 */
@Component
class ClaimImportRecorder {

    private final ClaimService claims;
    private final Beneficiaries beneficiaries;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final CoveringContracts covering;
    private final ClaimValuator valuator = new ClaimValuator();

    ClaimImportRecorder(ClaimService claims, Beneficiaries beneficiaries, AuditLog audit, JdbcTemplate jdbc,
                        CoveringContracts covering) {
        this.covering = covering;
        this.claims = claims;
        this.beneficiaries = beneficiaries;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    private record Valued(long id, NewClaim claim, Beneficiaries.Found who, InsuranceContract contract, ValuedClaim valued) {
    }

    /** Records the chunk's forms in the pipeline's transaction; returns the lines of the forms refused. */
    List<LineError> record(List<ClaimImportLines.Form> forms, String actor) {
        List<LineError> rejected = new ArrayList<>();
        if (forms.isEmpty()) {
            return rejected;
        }
        JdbcConsumptionLedger ledger = new JdbcConsumptionLedger(jdbc);
        Map<String, Beneficiaries.Found> people = beneficiaries.lockFamiliesOf(
                forms.stream().map(f -> f.claim().matricule()).toList(), forms.stream().map(f -> f.claim().rank()).toList());
        ledger.prepareAll(people.values().stream().map(f -> f.memberId().toString()).distinct().toList());
        Set<String> recorded = alreadyRecorded(forms);
        Iterator<Long> ids = jdbc.queryForList("select nextval('claim_id_seq') from generate_series(1, ?)", Long.class,
                forms.size()).iterator();
        List<Valued> valued = new ArrayList<>();
        Map<String, Boolean> unitsCovered = new java.util.HashMap<>();
        for (ClaimImportLines.Form form : forms) {
            NewClaim claim = form.claim();
            if (recorded.contains(claim.claimNumber()) || claim.lines().stream().anyMatch(l -> l.voucherNumber() != null)) {
                recordAlone(form, actor, ledger, rejected);
                continue;
            }
            int mark = ledger.mark();
            try {
                InsuranceContract contract = claims.check(claim);
                Beneficiaries.Found found = people.get(claim.matricule() + "/" + claim.rank());
                if (found == null) {
                    throw new ClaimRefused("no beneficiary with this matricule and rank");
                }
                Beneficiaries.Found who = unitsCovered.computeIfAbsent(contract.policyNumber() + "/" + found.unitCode(),
                        k -> covering.covers(contract, found.unitCode())) ? found : found.withoutRights();
                long id = ids.next();
                List<ClaimLineInput> inputs = claim.lines().stream()
                        .map(l -> new ClaimLineInput(l.actCode(), l.quantity(), l.amountCharged(), false)).toList();
                valued.add(new Valued(id, claim, who, contract, valuator.value(contract, Long.toString(id), who.person(),
                        claim.dateOfCare(), inputs, ledger)));
            } catch (ClaimRefused e) {
                ledger.rollbackTo(mark);
                rejected.addAll(refused(form, e.getReason()));
            }
        }
        write(valued, actor);
        ledger.flush();
        return rejected;
    }

    private Set<String> alreadyRecorded(List<ClaimImportLines.Form> forms) {
        String[] numbers = forms.stream().map(f -> f.claim().claimNumber()).toArray(String[]::new);
        return new HashSet<>(jdbc.query(con -> {
            // a join, not "= any(?)": with the statistics of a table still filling, the planner would scan it for each number
            var ps = con.prepareStatement("select c.claim_number from unnest(?::varchar[]) as n(number) "
                    + "join claim c on c.claim_number = n.number");
            ps.setArray(1, con.createArrayOf("varchar", numbers));
            return ps;
        }, (rs, i) -> rs.getString(1)));
    }

    private void recordAlone(ClaimImportLines.Form form, String actor, JdbcConsumptionLedger ledger, List<LineError> rejected) {
        int mark = ledger.mark();
        jdbc.execute("savepoint claim_form");
        try {
            claims.record(form.claim(), actor, ledger);
            jdbc.execute("release savepoint claim_form");
        } catch (ClaimRefused | ClaimConflict e) {
            undo(ledger, mark);
            rejected.addAll(refused(form, e.getReason()));
        } catch (DataAccessException e) {
            if (SafeErrors.isTransient(e)) {
                throw e;
            }
            undo(ledger, mark);
            rejected.addAll(refused(form, "the database refused the form: " + SafeErrors.describe(e)));
        }
    }

    private void undo(JdbcConsumptionLedger ledger, int mark) {
        jdbc.execute("rollback to savepoint claim_form");
        ledger.rollbackTo(mark);
    }

    private void write(List<Valued> valued, String actor) {
        Instant now = Instant.now();
        PgCopy.insert(jdbc, "claim", "id, claim_number, policy_number, currency, member_id, beneficiary_id, provider_code, "
                + "date_of_care, status, total_charged, total_expected, created_by, created_at, updated_at", valued, v -> {
                    String currency = v.contract().currency();
                    return new Object[] {v.id(), v.claim().claimNumber(), v.contract().policyNumber(), currency,
                            v.who().memberId(), v.who().beneficiaryId(), v.claim().providerCode(), v.claim().dateOfCare(),
                            "VALUED", Money.round(v.claim().lines().stream().map(NewLine::amountCharged)
                                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add), currency),
                            v.valued().total(), actor, now, now};
                });
        List<Object[]> lines = new ArrayList<>();
        for (Valued v : valued) {
            for (ValuedLine line : v.valued().lines()) {
                lines.add(new Object[] {v.id(), line.lineNo(), line.line().actCode(), line.line().quantity(),
                        line.line().amountCharged(), line.expected(),
                        line.reasons().stream().map(Enum::name).collect(Collectors.joining(","))});
            }
        }
        PgCopy.insert(jdbc, "claim_line", "claim_id, line_no, act_code, quantity, amount_charged, expected, reasons",
                lines, row -> row);
        audit.write(valued.stream().map(v -> ClaimService.created(v.claim().claimNumber(), actor, v.valued(), v.contract()))
                .toList());
    }

    private static List<LineError> refused(ClaimImportLines.Form form, String reason) {
        return ClaimImportLines.refusedWhole(form.lineNos(), List.of(new LineError(form.lineNos().get(0), "CLAIM_REFUSED", reason)));
    }
}
