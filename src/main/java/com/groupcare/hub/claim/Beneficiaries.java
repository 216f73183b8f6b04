package com.groupcare.hub.claim;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.membership.CoverRules;
import com.groupcare.hub.membership.Relationship;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds the beneficiary of a claim or voucher (matricule + rank) and locks the family's row. */
@Component
class Beneficiaries {

    private final JdbcTemplate jdbc;
    private final CoverRules coverRules;

    Beneficiaries(JdbcTemplate jdbc, CoverRules coverRules) {
        this.jdbc = jdbc;
        this.coverRules = coverRules;
    }

    /** @param unitCode the member's org unit: which contracts cover the family (mappings/insurers, org-units) */
    record Found(UUID beneficiaryId, UUID memberId, CoveredPerson person, String unitCode) {

        /** The person as the contract sees them: with no rights at all when it does not cover their org unit. */
        Found under(InsuranceContract contract, CoveringContracts covering) {
            return covering.covers(contract, unitCode) ? this : withoutRights();
        }

        Found withoutRights() {
            return new Found(beneficiaryId, memberId, person.withoutRights(), unitCode);
        }
    }

    /** The columns id, member_id, birth_date, cover_start, cover_end, relationship, student, disabled from {@code first}. */
    private CoveredPerson person(ResultSet rs, int first) throws SQLException {
        LocalDate birth = rs.getObject(first + 2, LocalDate.class);
        return new CoveredPerson(rs.getObject(first, UUID.class).toString(), rs.getObject(first + 1, UUID.class).toString(),
                birth, rs.getObject(first + 3, LocalDate.class), rs.getObject(first + 4, LocalDate.class),
                coverRules.ageLimitEnd(Relationship.valueOf(rs.getString(first + 5)), birth, rs.getBoolean(first + 6),
                        rs.getBoolean(first + 7)));
    }

    /**
     * The beneficiaries of many forms at once, keyed {@code matricule/rank}, their members' rows locked
     * in one statement and in one order (so two batches never wait on each other crosswise).
     */
    Map<String, Found> lockFamiliesOf(List<String> matricules, List<Integer> ranks) {
        Map<String, Found> found = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select m.matricule, b.rank, b.id, b.member_id, b.birth_date, b.cover_start, b.cover_end,
                           b.relationship, b.student, b.disabled, m.unit_code
                    from beneficiary b join member m on m.id = b.member_id
                    join unnest(?::varchar[], ?::int[]) as k(matricule, rank) on k.matricule = m.matricule and k.rank = b.rank
                    order by m.id for update of m""");
            ps.setArray(1, con.createArrayOf("varchar", matricules.toArray()));
            ps.setArray(2, con.createArrayOf("int4", ranks.toArray()));
            return ps;
        }, rs -> {
            UUID id = rs.getObject(3, UUID.class);
            UUID memberId = rs.getObject(4, UUID.class);
            found.put(rs.getString(1) + "/" + rs.getInt(2), new Found(id, memberId, person(rs, 3), rs.getString(11)));
        });
        return found;
    }

    /** The beneficiary, read without a lock (a question, not a change: the provider's rights check). */
    java.util.Optional<Found> find(String matricule, int rank) {
        return jdbc.query("""
                select b.id, b.member_id, b.birth_date, b.cover_start, b.cover_end, b.relationship, b.student, b.disabled,
                       m.unit_code
                from beneficiary b join member m on m.id = b.member_id where m.matricule = ? and b.rank = ?""", rs -> rs.next()
                ? java.util.Optional.of(new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), person(rs, 1),
                        rs.getString(9)))
                : java.util.Optional.<Found>empty(), matricule, rank);
    }

    /** The beneficiary, with the member row locked until the transaction ends (one family at a time). */
    Found lockFamilyOf(String matricule, int rank) {
        return jdbc.query("""
                select b.id, b.member_id, b.birth_date, b.cover_start, b.cover_end, b.relationship, b.student, b.disabled,
                       m.unit_code
                from beneficiary b join member m on m.id = b.member_id
                where m.matricule = ? and b.rank = ? for update of m""", rs -> {
            if (!rs.next()) {
                throw new ClaimRefused("no beneficiary with this matricule and rank");
            }
            return new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), person(rs, 1), rs.getString(9));
        }, matricule, rank);
    }
}
