package com.groupcare.hub.membership;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.PgCopy;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Loads families for a unit of work and writes its changes in JDBC batches (the bulk path of HR sync). */
@Repository
class MembershipStore {

    private static final int BATCH = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    MembershipStore(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /** Members by matricule, each with beneficiaries and cards. */
    Map<String, MemberState> loadByMatricule(Collection<String> matricules) {
        if (matricules.isEmpty()) {
            return new HashMap<>();
        }
        return load("m.matricule in (:keys)", new MapSqlParameterSource("keys", matricules));
    }

    /** Same, with the members' rows locked until the transaction ends, in matricule order (no deadlock). */
    Map<String, MemberState> lockByMatricule(Collection<String> matricules) {
        if (matricules.isEmpty()) {
            return new HashMap<>();
        }
        return load("m.matricule in (:keys) order by m.matricule for update", new MapSqlParameterSource("keys", matricules));
    }

    Map<String, MemberState> loadByIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return load("m.id in (:keys)", new MapSqlParameterSource("keys", ids));
    }

    private Map<String, MemberState> load(String where, MapSqlParameterSource params) {
        Map<String, MemberState> byMatricule = new HashMap<>();
        Map<UUID, MemberState> byId = new HashMap<>();
        jdbc.query("select m.* from member m where " + where, params, rs -> {
            MemberState m = member(rs);
            byMatricule.put(m.matricule, m);
            byId.put(m.id, m);
        });
        if (byId.isEmpty()) {
            return byMatricule;
        }
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", byId.keySet());
        jdbc.query("select * from beneficiary where member_id in (:ids) order by rank", ids,
                rs -> {
                    BeneficiaryState b = beneficiary(rs);
                    byId.get(b.memberId).beneficiaries.add(b);
                });
        jdbc.query("select * from member_card where member_id in (:ids) order by card_number", ids,
                rs -> {
                    byId.get(rs.getObject("member_id", UUID.class)).cards.add(card(rs));
                });
        return byMatricule;
    }

    void write(MembershipChanges c, Long exchangeId) {
        PgCopy.insert(jdbc.getJdbcTemplate(), "member", """
                id, matricule, national_id, last_name, first_name, birth_date, gender, hire_date, leave_date,
                unit_code, bank_account, phone, email, status, created_at, updated_at""", c.insertedMembers,
                m -> new Object[] {m.id, m.matricule, m.nationalId, m.lastName, m.firstName, m.birthDate, m.gender,
                        m.hireDate, m.leaveDate, m.unitCode, m.bankAccount, m.phone, m.email, m.status, c.now(), c.now()});
        List<MemberState> updated = new ArrayList<>(c.updatedMembers);
        updated.removeAll(c.insertedMembers);
        batch("""
                update member set matricule = ?, national_id = ?, last_name = ?, first_name = ?, birth_date = ?,
                    gender = ?, hire_date = ?, leave_date = ?, unit_code = ?, bank_account = ?, phone = ?, email = ?,
                    status = ?, updated_at = ? where id = ?""", updated, (ps, m) -> {
            memberFields(ps, m, 1);
            ps.setTimestamp(14, Timestamp.from(c.now()));
            ps.setObject(15, m.id);
        });
        PgCopy.insert(jdbc.getJdbcTemplate(), "beneficiary", """
                id, member_id, rank, relationship, last_name, first_name, birth_date, gender, national_id, student,
                disabled, cover_start, cover_end, status, created_at, updated_at""", c.insertedBeneficiaries,
                b -> new Object[] {b.id, b.memberId, b.rank, b.relationship.name(), b.lastName, b.firstName, b.birthDate,
                        b.gender, b.nationalId, b.student, b.disabled, b.coverStart, b.coverEnd, b.status, c.now(), c.now()});
        List<BeneficiaryState> updatedBeneficiaries = new ArrayList<>(c.updatedBeneficiaries);
        updatedBeneficiaries.removeAll(c.insertedBeneficiaries);
        batch("""
                update beneficiary set rank = ?, relationship = ?, last_name = ?, first_name = ?, birth_date = ?,
                    gender = ?, national_id = ?, student = ?, disabled = ?, cover_start = ?, cover_end = ?, status = ?,
                    updated_at = ? where id = ?""", updatedBeneficiaries, (ps, b) -> {
            beneficiaryFields(ps, b, 1);
            ps.setTimestamp(13, Timestamp.from(c.now()));
            ps.setObject(14, b.id);
        });
        PgCopy.insert(jdbc.getJdbcTemplate(), "member_card",
                "id, member_id, card_number, valid_from, valid_to, status, reason, created_at, updated_at",
                new ArrayList<>(c.insertedCards.entrySet()), e -> new Object[] {e.getKey().id, e.getValue(),
                        e.getKey().cardNumber, e.getKey().validFrom, e.getKey().validTo, e.getKey().status,
                        e.getKey().reason, c.now(), c.now()});
        List<CardState> updatedCards = new ArrayList<>(c.updatedCards);
        updatedCards.removeAll(c.insertedCards.keySet());
        batch("update member_card set status = ?, valid_to = ?, updated_at = ? where id = ?", updatedCards, (ps, card) -> {
            ps.setString(1, card.status);
            ps.setObject(2, card.validTo, Types.DATE);
            ps.setTimestamp(3, Timestamp.from(c.now()));
            ps.setObject(4, card.id);
        });
        PgCopy.insert(jdbc.getJdbcTemplate(), "membership_movement",
                "id, member_id, beneficiary_id, movement_type, effective_date, exchange_id, line_no, detail, created_at",
                c.movements, mv -> new Object[] {mv.id(), mv.memberId(), mv.beneficiaryId(), mv.type(),
                        mv.effectiveDate(), exchangeId, mv.lineNo(), mv.detail(), c.now()});
        auditLog.write(c.audits);
    }

    private <T> void batch(String sql, List<T> rows, org.springframework.jdbc.core.ParameterizedPreparedStatementSetter<T> setter) {
        if (!rows.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate(sql, rows, BATCH, setter);
        }
    }

    private static void memberFields(PreparedStatement ps, MemberState m, int i) throws SQLException {
        ps.setString(i, m.matricule);
        ps.setString(i + 1, m.nationalId);
        ps.setString(i + 2, m.lastName);
        ps.setString(i + 3, m.firstName);
        ps.setObject(i + 4, m.birthDate);
        ps.setString(i + 5, m.gender);
        ps.setObject(i + 6, m.hireDate);
        ps.setObject(i + 7, m.leaveDate, Types.DATE);
        ps.setString(i + 8, m.unitCode);
        ps.setString(i + 9, m.bankAccount);
        ps.setString(i + 10, m.phone);
        ps.setString(i + 11, m.email);
        ps.setString(i + 12, m.status);
    }

    private static void beneficiaryFields(PreparedStatement ps, BeneficiaryState b, int i) throws SQLException {
        ps.setInt(i, b.rank);
        ps.setString(i + 1, b.relationship.name());
        ps.setString(i + 2, b.lastName);
        ps.setString(i + 3, b.firstName);
        ps.setObject(i + 4, b.birthDate);
        ps.setString(i + 5, b.gender);
        ps.setString(i + 6, b.nationalId);
        ps.setBoolean(i + 7, b.student);
        ps.setBoolean(i + 8, b.disabled);
        ps.setObject(i + 9, b.coverStart);
        ps.setObject(i + 10, b.coverEnd, Types.DATE);
        ps.setString(i + 11, b.status);
    }

    private static MemberState member(ResultSet rs) throws SQLException {
        MemberState m = new MemberState();
        m.id = rs.getObject("id", UUID.class);
        m.matricule = rs.getString("matricule");
        m.nationalId = rs.getString("national_id");
        m.lastName = rs.getString("last_name");
        m.firstName = rs.getString("first_name");
        m.birthDate = rs.getObject("birth_date", LocalDate.class);
        m.gender = rs.getString("gender");
        m.hireDate = rs.getObject("hire_date", LocalDate.class);
        m.leaveDate = rs.getObject("leave_date", LocalDate.class);
        m.unitCode = rs.getString("unit_code");
        m.bankAccount = rs.getString("bank_account");
        m.phone = rs.getString("phone");
        m.email = rs.getString("email");
        m.status = rs.getString("status");
        return m;
    }

    private static BeneficiaryState beneficiary(ResultSet rs) throws SQLException {
        BeneficiaryState b = new BeneficiaryState();
        b.id = rs.getObject("id", UUID.class);
        b.memberId = rs.getObject("member_id", UUID.class);
        b.rank = rs.getInt("rank");
        b.relationship = Relationship.valueOf(rs.getString("relationship"));
        b.lastName = rs.getString("last_name");
        b.firstName = rs.getString("first_name");
        b.birthDate = rs.getObject("birth_date", LocalDate.class);
        b.gender = rs.getString("gender");
        b.nationalId = rs.getString("national_id");
        b.student = rs.getBoolean("student");
        b.disabled = rs.getBoolean("disabled");
        b.coverStart = rs.getObject("cover_start", LocalDate.class);
        b.coverEnd = rs.getObject("cover_end", LocalDate.class);
        b.status = rs.getString("status");
        return b;
    }

    private static CardState card(ResultSet rs) throws SQLException {
        CardState card = new CardState();
        card.id = rs.getObject("id", UUID.class);
        card.cardNumber = rs.getString("card_number");
        card.validFrom = rs.getObject("valid_from", LocalDate.class);
        card.validTo = rs.getObject("valid_to", LocalDate.class);
        card.status = rs.getString("status");
        card.reason = rs.getString("reason");
        return card;
    }
}
