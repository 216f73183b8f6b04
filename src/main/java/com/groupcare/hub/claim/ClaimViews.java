package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.claim.ClaimRequests.ClaimView;
import com.groupcare.hub.claim.ClaimRequests.LineView;
import com.groupcare.hub.claim.ConsumptionLedger.Scope;
import com.groupcare.hub.contract.ActFamilyCeiling;
import com.groupcare.hub.contract.BenefitSchedule;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Read side of claims: one claim as the desk sees it, and a member's history with remaining ceilings. */
@Component
class ClaimViews {

    private final JdbcTemplate jdbc;
    private final ContractCatalog contracts;

    ClaimViews(JdbcTemplate jdbc, ContractCatalog contracts) {
        this.jdbc = jdbc;
        this.contracts = contracts;
    }

    ClaimView get(String claimNumber) {
        return jdbc.query("""
                select c.id, c.claim_number, c.policy_number, c.currency, m.matricule, b.rank, c.provider_code, c.date_of_care,
                       s.status, c.total_charged, c.total_expected, c.cancel_reason, t.transmittal_number, s.insurer_reason
                from claim c join member m on m.id = c.member_id join beneficiary b on b.id = c.beneficiary_id
                join claim_state s on s.claim_id = c.id
                left join transmittal t on t.id = c.transmittal_id where c.claim_number = ?""", rs -> {
            if (!rs.next()) {
                throw new ClaimNotFound("no claim " + claimNumber);
            }
            String currency = rs.getString("currency");
            List<LineView> lines = lines(rs.getLong("id"), currency);
            BigDecimal paid = lines.stream().map(LineView::paid).filter(java.util.Objects::nonNull).reduce(BigDecimal::add).orElse(null);
            return new ClaimView(rs.getString("claim_number"), rs.getString("policy_number"), currency,
                    rs.getString("matricule"), rs.getInt("rank"), rs.getString("provider_code"),
                    rs.getObject("date_of_care", LocalDate.class), rs.getString("status"),
                    scaled(rs.getBigDecimal("total_charged"), currency), scaled(rs.getBigDecimal("total_expected"), currency),
                    rs.getString("cancel_reason"), rs.getString("transmittal_number"), rs.getString("insurer_reason"), paid, lines);
        }, claimNumber);
    }

    private List<LineView> lines(long claimId, String currency) {
        return jdbc.query("""
                select l.line_no, l.act_code, l.quantity, l.amount_charged, l.expected, l.reasons, v.voucher_number,
                       (select sum(r.amount_paid) from remittance_line r where r.claim_line_id = l.id and r.outcome <> 'SUSPENSE')
                from claim_line l left join care_voucher v on v.id = l.voucher_id where l.claim_id = ? order by l.line_no""",
                (rs, i) -> new LineView(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        scaled(rs.getBigDecimal(5), currency), rs.getString(6).isEmpty() ? List.of()
                        : Arrays.asList(rs.getString(6).split(",")), rs.getString(7), rs.getBigDecimal(8)), claimId);
    }

    /** A member's claims and vouchers, and what remains of each ceiling in the contract year of {@code asOf}. */
    Map<String, Object> history(String matricule, String policyNumber, LocalDate asOf) {
        InsuranceContract contract = contracts.get(policyNumber)
                .orElseThrow(() -> new ClaimRefused("unknown contract " + policyNumber));
        if (jdbc.queryForObject("select count(*) from member where matricule = ?", Integer.class, matricule) == 0) {
            throw new ClaimNotFound("no member with this matricule");
        }
        List<String> claims = jdbc.queryForList("""
                select c.claim_number from claim c join member m on m.id = c.member_id
                where m.matricule = ? order by c.date_of_care, c.id""", String.class, matricule);
        List<Map<String, Object>> voucherRows = jdbc.queryForList("""
                select v.voucher_number, b.rank, v.act_code, v.valid_from, v.valid_to, v.status from care_voucher v
                join beneficiary b on b.id = v.beneficiary_id join member m on m.id = b.member_id
                where m.matricule = ? order by v.issued_on, v.id""", matricule);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("matricule", matricule);
        out.put("claims", claims.stream().map(this::get).toList());
        out.put("vouchers", voucherRows);
        out.put("ceilings", remaining(matricule, contract, asOf));
        return out;
    }

    private Map<String, Object> remaining(String matricule, InsuranceContract contract, LocalDate asOf) {
        BenefitSchedule schedule = contract.scheduleAt(asOf).orElse(null);
        InsuranceContract.ContractYear year = contract.yearOf(asOf);
        Map<String, Object> ceilings = new LinkedHashMap<>();
        if (schedule == null) {
            return ceilings;
        }
        ceilings.put("contractYear", year);
        String memberId = jdbc.queryForObject("select id::text from member where matricule = ?", String.class, matricule);
        JdbcConsumptionLedger ledger = new JdbcConsumptionLedger(jdbc);
        ledger.prepare(memberId);
        ceilings.put("family", left(schedule.familyYearCeiling(), ledger.used(Scope.FAMILY, memberId, year)));
        Map<String, BigDecimal> shared = new LinkedHashMap<>();
        schedule.actFamilyYearCeilings().forEach((family, ceiling) -> {
            if (ceiling.scope() == ActFamilyCeiling.Scope.FAMILY) {
                shared.put(family, left(ceiling.amount(), ledger.used(Scope.FAMILY_ACT_FAMILY, memberId + "/" + family, year)));
            }
        });
        ceilings.put("familyActFamilies", shared);
        List<Map<String, Object>> perBeneficiary = new ArrayList<>();
        jdbc.query("select id::text, rank from beneficiary where member_id = ?::uuid order by rank", rs -> {
            String id = rs.getString(1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", rs.getInt(2));
            row.put("beneficiary", left(schedule.beneficiaryYearCeiling(), ledger.used(Scope.BENEFICIARY, id, year)));
            Map<String, BigDecimal> families = new LinkedHashMap<>();
            schedule.actFamilyYearCeilings().forEach((family, ceiling) -> {
                if (ceiling.scope() == ActFamilyCeiling.Scope.BENEFICIARY) {
                    families.put(family, left(ceiling.amount(), ledger.used(Scope.ACT_FAMILY, id + "/" + family, year)));
                }
            });
            row.put("actFamilies", families);
            perBeneficiary.add(row);
        }, memberId);
        ceilings.put("beneficiaries", perBeneficiary);
        return ceilings;
    }

    private static BigDecimal left(BigDecimal ceiling, BigDecimal used) {
        return ceiling == null ? null : ceiling.subtract(used).max(BigDecimal.ZERO);
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        return com.groupcare.hub.common.Money.round(amount, currency);
    }
}
