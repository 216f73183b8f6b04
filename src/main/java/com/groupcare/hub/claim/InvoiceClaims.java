package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import com.groupcare.hub.common.SafeErrors;
import com.groupcare.hub.contract.InsuranceContract;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the tiers-payant invoice feed asks of the claim engine, inside the feed's transaction: who the
 * patient is (card and rank, matricule and rank, or else name and birth date), under which contract,
 * what each act is worth or why it is refused, and the claim of the accepted acts, valued by the
 * same engine and ledger as a claim form.
 */
@Component
public class InvoiceClaims {

    private final JdbcTemplate jdbc;
    private final Beneficiaries beneficiaries;
    private final CoveringContracts covering;
    private final ClaimService claims;
    private final VoucherService vouchers;
    private final ClaimValuator valuator = new ClaimValuator();

    InvoiceClaims(JdbcTemplate jdbc, Beneficiaries beneficiaries, CoveringContracts covering, ClaimService claims,
                  VoucherService vouchers) {
        this.jdbc = jdbc;
        this.beneficiaries = beneficiaries;
        this.covering = covering;
        this.claims = claims;
        this.vouchers = vouchers;
    }

    /** Who an invoice names; any of card, matricule, names may be null. */
    public record Identity(String card, String matricule, int rank, String lastName, String firstName, LocalDate birthDate) {
    }

    /** The patient found, and whether only the name and birth date found it (the desk is told). */
    public record Patient(UUID beneficiaryId, String matricule, int rank, List<String> units, boolean byName) {
    }

    /** An act to value: its code, quantity, amount charged and voucher number (or null). */
    public record Act(String actCode, int quantity, BigDecimal amount, String voucher) {
    }

    /** What an act is worth, or why it is refused (the engine's first refusal reason, or a voucher that cannot be used). */
    public record Verdict(BigDecimal expected, ValuationReason refusal, String message) {
    }

    /** One chunk's session: families locked, ledger read once, flushed at the end. */
    public Session session() {
        return new Session();
    }

    public final class Session {

        private final JdbcConsumptionLedger ledger = new JdbcConsumptionLedger(jdbc);
        private final Map<String, List<String>> ancestries = new HashMap<>();
        private final Map<UUID, Beneficiaries.Found> people = new HashMap<>();

        /** The patients of the identities (same order, null when none is found), their families locked. */
        public List<Patient> identify(List<Identity> asked) {
            Map<String, String> byCard = matriculesOfCards(asked.stream().map(Identity::card).filter(c -> c != null).distinct().toList());
            List<String> matricules = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            for (Identity id : asked) {
                String matricule = id.card() != null ? byCard.get(id.card()) : id.matricule();
                if (matricule != null) {
                    matricules.add(matricule);
                    ranks.add(id.rank());
                }
            }
            Map<String, Beneficiaries.Found> found = beneficiaries.lockFamiliesOf(matricules, ranks);
            List<Patient> patients = new ArrayList<>();
            for (Identity id : asked) {
                String matricule = id.card() != null ? byCard.get(id.card()) : id.matricule();
                Beneficiaries.Found who = matricule == null ? null : found.get(matricule + "/" + id.rank());
                int rank = id.rank();
                boolean byName = false;
                if (who == null && id.lastName() != null && id.firstName() != null && id.birthDate() != null) {
                    Optional<Map.Entry<String, Integer>> named = byNameAndBirth(id);
                    if (named.isPresent()) {
                        matricule = named.get().getKey();
                        rank = named.get().getValue();
                        who = beneficiaries.lockFamilyOf(matricule, rank);
                        byName = true;
                    }
                }
                if (who != null) {
                    people.put(who.beneficiaryId(), who);
                }
                patients.add(who == null ? null : new Patient(who.beneficiaryId(), matricule, rank, ancestry(who.memberId()), byName));
            }
            ledger.prepareAll(people.values().stream().map(p -> p.memberId().toString()).distinct().toList());
            return patients;
        }

        /** The contract of the patient's unit whose schedule knows the act on the date, if a contract covers the unit. */
        public Optional<InsuranceContract> contract(Patient patient, String act, LocalDate date) {
            return covering.of(patient.units(), act, date);
        }

        /** What the acts of one date of care are worth, valued in order as one claim would be; nothing is kept. */
        public List<Verdict> value(InsuranceContract contract, Patient patient, LocalDate date, List<Act> acts) {
            int mark = ledger.mark();
            List<Verdict> verdicts = new ArrayList<>();
            List<ClaimLineInput> inputs = new ArrayList<>();
            List<String> voucherProblems = new ArrayList<>();
            List<Long> seen = new ArrayList<>();
            for (Act act : acts) {
                String problem = null;
                boolean voucher = false;
                if (act.voucher() != null) {
                    try {
                        Long id = vouchers.usableFor(act.voucher(), patient.beneficiaryId(), act.actCode(), date);
                        problem = seen.contains(id) ? "the voucher appears on two lines: it covers one" : null;
                        seen.add(id);
                        voucher = problem == null;
                    } catch (ClaimRefused | ClaimConflict e) {
                        problem = e.getReason();
                    }
                }
                voucherProblems.add(problem);
                inputs.add(new ClaimLineInput(act.actCode(), act.quantity(), act.amount(), voucher));
            }
            ValuedClaim valued = valuator.value(contract, "invoice-check", people.get(patient.beneficiaryId()).person(), date,
                    inputs, ledger);
            ledger.rollbackTo(mark);
            for (ValuedLine line : valued.lines()) {
                ValuationReason refusal = line.reasons().stream().filter(ValuationReason::refusal).findFirst().orElse(null);
                String problem = voucherProblems.get(line.lineNo() - 1);
                verdicts.add(refusal == ValuationReason.VOUCHER_MISSING && problem != null
                        ? new Verdict(line.expected(), refusal, problem) : new Verdict(line.expected(), refusal, null));
            }
            return verdicts;
        }

        /**
         * Records the claim of the accepted acts (valued and reserved as any claim form) and returns
         * each line's expected reimbursement; null when the engine refuses it now (it then records nothing).
         */
        public List<BigDecimal> record(NewClaim claim, String actor) {
            int mark = ledger.mark();
            jdbc.execute("savepoint invoice_claim");
            try {
                claims.record(claim, actor, ledger);
                jdbc.execute("release savepoint invoice_claim");
            } catch (ClaimRefused | ClaimConflict | DataAccessException e) {
                if (e instanceof DataAccessException d && SafeErrors.isTransient(d)) {
                    throw d;
                }
                jdbc.execute("rollback to savepoint invoice_claim");
                ledger.rollbackTo(mark);
                return null;
            }
            return jdbc.queryForList("select l.expected from claim_line l join claim c on c.id = l.claim_id "
                    + "where c.claim_number = ? order by l.line_no", BigDecimal.class, claim.claimNumber());
        }

        public void flush() {
            ledger.flush();
        }

        private List<String> ancestry(UUID memberId) {
            String unit = jdbc.queryForObject("select unit_code from member where id = ?", String.class, memberId);
            return ancestries.computeIfAbsent(unit, covering::ancestry);
        }
    }

    private Map<String, String> matriculesOfCards(List<String> cards) {
        Map<String, String> matricules = new HashMap<>();
        if (cards.isEmpty()) {
            return matricules;
        }
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select c.card_number, m.matricule from unnest(?::varchar[]) as k(card) "
                    + "join member_card c on c.card_number = k.card join member m on m.id = c.member_id");
            ps.setArray(1, con.createArrayOf("varchar", cards.toArray()));
            return ps;
        }, rs -> {
            matricules.put(rs.getString(1), rs.getString(2));
        });
        return matricules;
    }

    /** The one beneficiary with this name and birth date (case and accents as written), or none when zero or several. */
    private Optional<Map.Entry<String, Integer>> byNameAndBirth(Identity id) {
        List<Map.Entry<String, Integer>> found = jdbc.query("""
                select m.matricule, b.rank from beneficiary b join member m on m.id = b.member_id
                where upper(b.last_name) = upper(?) and upper(b.first_name) = upper(?) and b.birth_date = ? limit 2""",
                (rs, i) -> Map.entry(rs.getString(1), rs.getInt(2)), id.lastName(), id.firstName(), id.birthDate());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
