package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.groupcare.hub.contract.BenefitRule;
import com.groupcare.hub.contract.ContractCatalog;
import org.springframework.jdbc.core.JdbcTemplate;

/** The figures of a transmittal's slip, computed by the database (sums, not rows held in memory). */
final class TransmittalSlips {

    private TransmittalSlips() {
    }

    static TransmittalSlip summary(JdbcTemplate jdbc, ContractCatalog contracts, long transmittalId, String number, String policy,
                                   String insurer, String currency, LocalDate date) {
        Map<String, Object> totals = jdbc.queryForMap("""
                select count(distinct c.id) as forms, count(l.id) as lines, coalesce(sum(l.amount_charged), 0) as charged,
                       coalesce(sum(l.expected), 0) as expected
                from claim c join claim_line l on l.claim_id = c.id where c.transmittal_id = ?""", transmittalId);
        // act family from the schedule of the contract at the transmittal's date; an act no longer in it keeps its code
        Map<String, String> families = new TreeMap<>();
        contracts.get(policy).flatMap(c -> c.scheduleAt(date)).ifPresent(s -> s.rules().values()
                .forEach((BenefitRule r) -> families.put(r.actCode(), r.actFamily())));
        Map<String, TransmittalSlip.FamilyTotal> byFamily = new TreeMap<>();
        jdbc.query("""
                select l.act_code, count(*), sum(l.amount_charged), sum(l.expected)
                from claim c join claim_line l on l.claim_id = c.id where c.transmittal_id = ? group by l.act_code""", rs -> {
            String family = families.getOrDefault(rs.getString(1), rs.getString(1));
            TransmittalSlip.FamilyTotal before = byFamily.get(family);
            TransmittalSlip.FamilyTotal row = new TransmittalSlip.FamilyTotal(family, rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4));
            byFamily.put(family, before == null ? row : new TransmittalSlip.FamilyTotal(family, before.lines() + row.lines(),
                    before.charged().add(row.charged()), before.expected().add(row.expected())));
        }, transmittalId);
        List<TransmittalSlip.ZeroClaim> zeros = new ArrayList<>();
        jdbc.query("""
                select c.claim_number, m.matricule, b.rank, b.last_name || ' ' || b.first_name,
                       string_agg(distinct l.reasons, ',') filter (where l.reasons <> '')
                from claim c join claim_line l on l.claim_id = c.id join member m on m.id = c.member_id
                join beneficiary b on b.id = c.beneficiary_id
                where c.transmittal_id = ? and c.total_expected = 0
                group by c.claim_number, m.matricule, b.rank, b.last_name, b.first_name order by c.claim_number""",
                rs -> {
                    zeros.add(new TransmittalSlip.ZeroClaim(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5) == null ? "" : rs.getString(5)));
                }, transmittalId);
        return new TransmittalSlip(number, policy, insurer, currency, date, ((Number) totals.get("forms")).intValue(),
                ((Number) totals.get("lines")).intValue(), (BigDecimal) totals.get("charged"), (BigDecimal) totals.get("expected"),
                List.copyOf(byFamily.values()), zeros);
    }
}
