package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.groupcare.hub.common.PgCopy;
import com.groupcare.hub.contract.InsuranceContract.ContractYear;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The production ledger, in PostgreSQL (table ceiling_reservation), for one transaction: a claim
 * recorded through the API or a chunk of a claims import. Each family's reservations are read once,
 * when its member row is locked (nobody else can change them until the transaction ends), through
 * the index on the family; every question the valuator asks is then answered from memory
 * ({@link IndexedConsumptionLedger}); new reservations are written with one COPY ({@link #flush}).
 * Reservations belong to their policy, so ceilings and periodicity never mix contracts. Once the
 * insurer has answered a line, its corrections (table ceiling_correction) make it count what was paid;
 * a line the insurer paid nothing for no longer counts at all (glasses refused may be claimed again).
 */
final class JdbcConsumptionLedger implements ConsumptionLedger {

    private final JdbcTemplate jdbc;
    private final IndexedConsumptionLedger memory = new IndexedConsumptionLedger();
    private final Set<String> loaded = new HashSet<>();
    private final List<Reservation> pending = new ArrayList<>();

    JdbcConsumptionLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void prepare(String familyId) {
        prepareAll(List.of(familyId));
    }

    /** Reads the reservations of the families not read yet, in one query; their rows must be locked. */
    void prepareAll(List<String> familyIds) {
        String[] missing = familyIds.stream().filter(loaded::add).toArray(String[]::new);
        if (missing.length == 0) {
            return;
        }
        jdbc.query(con -> {
            // a join on the chunk's keys, not "= any(?)": while a table fills, the planner's statistics lag
            var ps = con.prepareStatement("""
                    select r.claim_id, r.line_no, r.beneficiary_id, r.family_id, r.act_code, r.act_family, r.date_of_care,
                           r.policy_number, r.year_start,
                           r.amount + coalesce((select sum(k.delta) from ceiling_correction k
                                                where k.claim_id = r.claim_id and k.line_no = r.line_no), 0)
                    from unnest(?::varchar[]) as f(id) join ceiling_reservation r on r.family_id = f.id
                    where r.released_at is null order by r.id""");
            ps.setArray(1, con.createArrayOf("varchar", missing));
            return ps;
        }, rs -> {
            if (rs.getBigDecimal(10).signum() <= 0) {
                return; // the insurer paid nothing for it: the act used no ceiling, no yearly count, no periodicity
            }
            memory.reserve(new Reservation(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getObject(7, LocalDate.class), year(rs.getString(8), rs.getObject(9, LocalDate.class)),
                    rs.getBigDecimal(10)));
        });
    }

    @Override
    public BigDecimal used(Scope scope, String key, ContractYear year) {
        prepared();
        return memory.used(scope, key, year(year));
    }

    /** A question before any family was read would be answered from nothing: ceilings silently ignored. */
    private void prepared() {
        if (loaded.isEmpty()) {
            throw new IllegalStateException("the ledger was asked before the family's consumption was read (prepare first)");
        }
    }

    @Override
    public Optional<LocalDate> lastCare(String policyNumber, String beneficiaryId, String actCode, LocalDate onOrBefore) {
        prepared();
        return memory.lastCare(policyNumber, beneficiaryId, actCode, onOrBefore);
    }

    @Override
    public Optional<LocalDate> careBetween(String policyNumber, String beneficiaryId, String actCode, LocalDate after,
                                           LocalDate before) {
        prepared();
        return memory.careBetween(policyNumber, beneficiaryId, actCode, after, before);
    }

    @Override
    public int count(String beneficiaryId, String actCode, ContractYear year) {
        prepared();
        return memory.count(beneficiaryId, actCode, year(year));
    }

    @Override
    public void reserve(Reservation r) {
        Reservation keyed = new Reservation(r.claimId(), r.lineNo(), r.beneficiaryId(), r.familyId(), r.actCode(),
                r.actFamily(), r.dateOfCare(), year(r.year()), r.amount());
        memory.reserve(keyed);
        pending.add(keyed);
    }

    /** Gives a claim's reservations back: those written are marked released (kept), those not yet written dropped. */
    @Override
    public void release(String claimId) {
        memory.release(claimId);
        pending.removeIf(r -> r.claimId().equals(claimId));
        jdbc.update("update ceiling_reservation set released_at = now() where claim_id = ? and released_at is null",
                Long.valueOf(claimId));
    }

    /** Where the next form starts, to give its reservations back if it is refused. */
    int mark() {
        return pending.size();
    }

    /** The form begun at the mark was refused and its savepoint rolled back: its reservations go too. */
    void rollbackTo(int mark) {
        List<String> claims = pending.subList(mark, pending.size()).stream().map(Reservation::claimId).distinct().toList();
        claims.forEach(claim -> {
            memory.release(claim);
            pending.removeIf(r -> r.claimId().equals(claim));
        });
    }

    /** Writes the reservations made in this transaction, before it commits. */
    void flush() {
        PgCopy.insert(jdbc, "ceiling_reservation",
                "claim_id, line_no, beneficiary_id, family_id, act_code, act_family, date_of_care, policy_number, year_start, amount",
                pending, r -> new Object[] {Long.valueOf(r.claimId()), r.lineNo(), r.beneficiaryId(), r.familyId(),
                        r.actCode(), r.actFamily(), r.dateOfCare(), r.year().policyNumber(), r.year().start(), r.amount()});
        pending.clear();
    }

    /** The database keys a contract year by its policy and start: so does this ledger. */
    private static ContractYear year(ContractYear year) {
        return year(year.policyNumber(), year.start());
    }

    private static ContractYear year(String policyNumber, LocalDate start) {
        return new ContractYear(policyNumber, start, null);
    }
}
