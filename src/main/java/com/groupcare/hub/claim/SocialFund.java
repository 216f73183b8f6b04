package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Social-fund vouchers (bons "fond social"): aid paid from the employer's yearly budget, never
 * sent to the insurer. A voucher is issued only while the budget covers it.
 */
@Service
public class SocialFund {

    private final JdbcTemplate jdbc;
    private final Beneficiaries beneficiaries;
    private final AuditLog auditLog;

    public SocialFund(JdbcTemplate jdbc, Beneficiaries beneficiaries, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.beneficiaries = beneficiaries;
        this.auditLog = auditLog;
    }

    public record NewSocialVoucher(@jakarta.validation.constraints.NotBlank String matricule,
                                   @jakarta.validation.constraints.Min(0) int rank,
                                   @jakarta.validation.constraints.NotBlank String purpose,
                                   @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Positive BigDecimal amount,
                                   LocalDate issuedOn, @jakarta.validation.constraints.Size(max = 64) String requestId) {
    }

    @Transactional
    public Map<String, Object> setBudget(int year, String currency, BigDecimal amount, String actor) {
        BigDecimal rounded = Money.round(amount, currency);
        // the same lock as issuing: the consumption read here cannot grow before the new budget is written
        String current = jdbc.query("select currency from social_fund_budget where budget_year = ? for update",
                rs -> rs.next() ? rs.getString(1) : null, year);
        if (current != null && !current.equals(currency) && consumed(year).signum() > 0) {
            throw new ClaimConflict("vouchers are already issued in " + current + " on the " + year + " budget");
        }
        if (rounded.compareTo(consumed(year)) < 0) {
            throw new ClaimConflict("the budget cannot go below what is already consumed: " + consumed(year));
        }
        jdbc.update("""
                insert into social_fund_budget (budget_year, currency, amount, updated_by, updated_at) values (?, ?, ?, ?, now())
                on conflict (budget_year) do update set currency = excluded.currency, amount = excluded.amount,
                    updated_by = excluded.updated_by, updated_at = now()""", year, currency, rounded, actor);
        auditLog.write(List.of(new Audit("SOCIAL_FUND_BUDGET", Integer.toString(year), "SET", actor, Instant.now(), null,
                Map.of("amount", rounded.toPlainString(), "currency", currency))));
        return budget(year);
    }

    @Transactional
    public Map<String, Object> issue(NewSocialVoucher request, String actor) {
        LocalDate day = request.issuedOn() == null ? LocalDate.now() : request.issuedOn();
        int year = day.getYear();
        Map<String, Object> budget = jdbc.query("select currency, amount from social_fund_budget where budget_year = ? for update",
                rs -> rs.next() ? Map.<String, Object>of("currency", rs.getString(1), "amount", rs.getBigDecimal(2)) : null, year);
        if (budget == null) {
            throw new ClaimRefused("no social-fund budget for " + year);
        }
        if (request.requestId() != null) {
            String issued = jdbc.query("select voucher_number from social_fund_voucher where request_id = ?",
                    rs -> rs.next() ? rs.getString(1) : null, request.requestId());
            if (issued != null) {
                BigDecimal amount = jdbc.queryForObject("select amount from social_fund_voucher where voucher_number = ?",
                        BigDecimal.class, issued);
                return Map.of("voucherNumber", issued, "amount", amount, "budget", budget(year));
            }
        }
        BigDecimal amount = Money.round(request.amount(), (String) budget.get("currency"));
        BigDecimal remaining = ((BigDecimal) budget.get("amount")).subtract(consumed(year));
        if (amount.compareTo(remaining) > 0) {
            throw new ClaimConflict("social-fund budget " + year + " has " + remaining.toPlainString() + " left");
        }
        Beneficiaries.Found who = beneficiaries.lockFamilyOf(request.matricule(), request.rank());
        if (!who.person().coveredOn(day)) {
            throw new ClaimRefused("the beneficiary is not covered on " + day);
        }
        Long id = jdbc.queryForObject("select nextval('social_fund_voucher_id_seq')", Long.class);
        String number = "FS-" + year + "-" + String.format("%05d", id);
        jdbc.update("""
                insert into social_fund_voucher (id, voucher_number, budget_year, beneficiary_id, purpose, amount, issued_on,
                    status, created_by, created_at, request_id) values (?, ?, ?, ?, ?, ?, ?, 'ISSUED', ?, now(), ?)""",
                id, number, year, who.beneficiaryId(), request.purpose(), amount, day, actor, request.requestId());
        auditLog.write(List.of(new Audit("SOCIAL_FUND_VOUCHER", number, "ISSUE", actor, Instant.now(), null,
                Map.of("amount", amount.toPlainString(), "purpose", request.purpose()))));
        return Map.of("voucherNumber", number, "amount", amount, "budget", budget(year));
    }

    @Transactional
    public Map<String, Object> cancel(String number, String reason, String actor) {
        Integer year = jdbc.query("select budget_year from social_fund_voucher where voucher_number = ? and status = 'ISSUED' for update",
                rs -> rs.next() ? rs.getInt(1) : null, number);
        if (year == null) {
            throw new ClaimConflict("no issued social-fund voucher " + number);
        }
        jdbc.update("update social_fund_voucher set status = 'CANCELLED', cancel_reason = ? where voucher_number = ?", reason, number);
        auditLog.write(List.of(new Audit("SOCIAL_FUND_VOUCHER", number, "CANCEL", actor, Instant.now(),
                Map.of("status", "ISSUED"), Map.of("status", "CANCELLED", "reason", reason))));
        return budget(year);
    }

    /** The year's budget, what issued vouchers consume, and what is left. */
    public Map<String, Object> budget(int year) {
        return jdbc.query("select currency, amount from social_fund_budget where budget_year = ?", rs -> {
            if (!rs.next()) {
                throw new ClaimRefused("no social-fund budget for " + year);
            }
            BigDecimal consumed = Money.round(consumed(year), rs.getString(1));
            return Map.<String, Object>of("year", year, "currency", rs.getString(1), "budget", rs.getBigDecimal(2),
                    "consumed", consumed, "remaining", rs.getBigDecimal(2).subtract(consumed));
        }, year);
    }

    private BigDecimal consumed(int year) {
        return jdbc.queryForObject("select coalesce(sum(amount), 0) from social_fund_voucher where budget_year = ? and status = 'ISSUED'",
                BigDecimal.class, year);
    }
}
