package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import com.groupcare.hub.contract.InsuranceContract.ContractYear;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger in PostgreSQL (table ceiling_reservation), used inside the claim's transaction.
 * Callers lock the family first, so two claims of one family never read the same remainder.
 */
@Component
class JdbcConsumptionLedger implements ConsumptionLedger {

    private final JdbcTemplate jdbc;

    JdbcConsumptionLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public BigDecimal used(Scope scope, String key, ContractYear year) {
        String where = switch (scope) {
            case BENEFICIARY -> "beneficiary_id = ?";
            case FAMILY -> "family_id = ?";
            case ACT_FAMILY -> "beneficiary_id || '/' || act_family = ?";
        };
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from ceiling_reservation where released_at is null and "
                + where + " and year_start = ?", BigDecimal.class, key, year.start());
    }

    @Override
    public Optional<LocalDate> lastCare(String beneficiaryId, String actCode, LocalDate onOrBefore) {
        return Optional.ofNullable(jdbc.queryForObject("""
                select max(date_of_care) from ceiling_reservation
                where released_at is null and beneficiary_id = ? and act_code = ? and date_of_care <= ?""",
                LocalDate.class, beneficiaryId, actCode, onOrBefore));
    }

    @Override
    public Optional<LocalDate> careBetween(String beneficiaryId, String actCode, LocalDate after, LocalDate before) {
        return Optional.ofNullable(jdbc.queryForObject("""
                select min(date_of_care) from ceiling_reservation
                where released_at is null and beneficiary_id = ? and act_code = ? and date_of_care > ? and date_of_care < ?""",
                LocalDate.class, beneficiaryId, actCode, after, before));
    }

    @Override
    public int count(String beneficiaryId, String actCode, ContractYear year) {
        return jdbc.queryForObject("""
                select count(*) from ceiling_reservation
                where released_at is null and beneficiary_id = ? and act_code = ? and year_start = ?""",
                Integer.class, beneficiaryId, actCode, year.start());
    }

    @Override
    public void reserve(Reservation r) {
        jdbc.update("""
                insert into ceiling_reservation (claim_id, line_no, beneficiary_id, family_id, act_code, act_family,
                    date_of_care, year_start, amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Long.valueOf(r.claimId()), r.lineNo(), r.beneficiaryId(), r.familyId(), r.actCode(), r.actFamily(),
                r.dateOfCare(), r.year().start(), r.amount());
    }

    @Override
    public void release(String claimId) {
        jdbc.update("update ceiling_reservation set released_at = now() where claim_id = ? and released_at is null",
                Long.valueOf(claimId));
    }
}
