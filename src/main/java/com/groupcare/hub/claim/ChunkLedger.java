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
 * The ledger as one chunk of a claims import sees it. Each family's reservations are read from
 * PostgreSQL once, when its member row is locked (nobody else can change them until the chunk
 * commits); every question the valuator asks is then answered from memory; the chunk's new
 * reservations are written with one COPY before it commits. The answers are the database
 * ledger's: the same rows, asked the same questions.
 */
final class ChunkLedger implements ConsumptionLedger {

    private final JdbcTemplate jdbc;
    private final IndexedConsumptionLedger memory = new IndexedConsumptionLedger();
    private final Set<String> loaded = new HashSet<>();
    private final List<Reservation> pending = new ArrayList<>();

    ChunkLedger(JdbcTemplate jdbc) {
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
            var ps = con.prepareStatement("""
                    select r.claim_id, r.line_no, r.beneficiary_id, r.family_id, r.act_code, r.act_family, r.date_of_care,
                           r.year_start, r.amount
                    from unnest(?::varchar[]) as f(id) join ceiling_reservation r on r.family_id = f.id
                    where r.released_at is null order by r.id""");
            ps.setArray(1, con.createArrayOf("varchar", missing));
            return ps;
        }, rs -> {
            memory.reserve(new Reservation(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getObject(7, LocalDate.class), year(rs.getObject(8, LocalDate.class)), rs.getBigDecimal(9)));
        });
    }

    @Override
    public BigDecimal used(Scope scope, String key, ContractYear year) {
        return memory.used(scope, key, year(year.start()));
    }

    @Override
    public Optional<LocalDate> lastCare(String beneficiaryId, String actCode, LocalDate onOrBefore) {
        return memory.lastCare(beneficiaryId, actCode, onOrBefore);
    }

    @Override
    public Optional<LocalDate> careBetween(String beneficiaryId, String actCode, LocalDate after, LocalDate before) {
        return memory.careBetween(beneficiaryId, actCode, after, before);
    }

    @Override
    public int count(String beneficiaryId, String actCode, ContractYear year) {
        return memory.count(beneficiaryId, actCode, year(year.start()));
    }

    @Override
    public void reserve(Reservation r) {
        Reservation keyed = new Reservation(r.claimId(), r.lineNo(), r.beneficiaryId(), r.familyId(), r.actCode(),
                r.actFamily(), r.dateOfCare(), year(r.year().start()), r.amount());
        memory.reserve(keyed);
        pending.add(keyed);
    }

    /** A form refused after some of its lines were reserved: they are given back (its savepoint is rolled back). */
    @Override
    public void release(String claimId) {
        memory.release(claimId);
        pending.removeIf(r -> r.claimId().equals(claimId));
    }

    /** Where the next form starts, to give its reservations back if it is refused. */
    int mark() {
        return pending.size();
    }

    /** The form begun at the mark was refused and its savepoint rolled back: its reservations go too. */
    void rollbackTo(int mark) {
        List<Reservation> dropped = new ArrayList<>(pending.subList(mark, pending.size()));
        dropped.stream().map(Reservation::claimId).distinct().forEach(this::release);
    }

    /** Writes the chunk's reservations, in the chunk's transaction. */
    void flush() {
        PgCopy.insert(jdbc, "ceiling_reservation",
                "claim_id, line_no, beneficiary_id, family_id, act_code, act_family, date_of_care, year_start, amount",
                pending, r -> new Object[] {Long.valueOf(r.claimId()), r.lineNo(), r.beneficiaryId(), r.familyId(),
                        r.actCode(), r.actFamily(), r.dateOfCare(), r.year().start(), r.amount()});
        pending.clear();
    }

    /** The database keys a contract year by its start: so does this ledger. */
    private static ContractYear year(LocalDate start) {
        return new ContractYear(start, null);
    }
}
