package com.groupcare.hub.claim;

import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Finds the beneficiary of a claim or voucher (matricule + rank) and locks the family's row. */
@Component
class Beneficiaries {

    private final JdbcTemplate jdbc;

    Beneficiaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Found(UUID beneficiaryId, UUID memberId, CoveredPerson person) {
    }

    /**
     * The beneficiaries of many forms at once, keyed {@code matricule/rank}, their members' rows locked
     * in one statement and in one order (so two batches never wait on each other crosswise).
     */
    Map<String, Found> lockFamiliesOf(List<String> matricules, List<Integer> ranks) {
        Map<String, Found> found = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select m.matricule, b.rank, b.id, b.member_id, b.birth_date, b.cover_start, b.cover_end
                    from beneficiary b join member m on m.id = b.member_id
                    join unnest(?::varchar[], ?::int[]) as k(matricule, rank) on k.matricule = m.matricule and k.rank = b.rank
                    order by m.id for update of m""");
            ps.setArray(1, con.createArrayOf("varchar", matricules.toArray()));
            ps.setArray(2, con.createArrayOf("int4", ranks.toArray()));
            return ps;
        }, rs -> {
            UUID id = rs.getObject(3, UUID.class);
            UUID memberId = rs.getObject(4, UUID.class);
            found.put(rs.getString(1) + "/" + rs.getInt(2), new Found(id, memberId, new CoveredPerson(id.toString(),
                    memberId.toString(), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                    rs.getObject(7, LocalDate.class))));
        });
        return found;
    }

    /** The beneficiary, with the member row locked until the transaction ends (one family at a time). */
    Found lockFamilyOf(String matricule, int rank) {
        return jdbc.query("""
                select b.id, b.member_id, b.birth_date, b.cover_start, b.cover_end
                from beneficiary b join member m on m.id = b.member_id
                where m.matricule = ? and b.rank = ? for update of m""", rs -> {
            if (!rs.next()) {
                throw new ClaimRefused("no beneficiary with this matricule and rank");
            }
            UUID id = rs.getObject(1, UUID.class);
            UUID memberId = rs.getObject(2, UUID.class);
            return new Found(id, memberId, new CoveredPerson(id.toString(), memberId.toString(),
                    rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
        }, matricule, rank);
    }
}
