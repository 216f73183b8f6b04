package com.groupcare.hub.claim;

import java.time.LocalDate;
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
