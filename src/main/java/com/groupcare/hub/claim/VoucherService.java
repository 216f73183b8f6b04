package com.groupcare.hub.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.contract.BenefitRule;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care vouchers (bons de soins, prises en charge) for optical, dental and hospital care: issued
 * within the act's periodicity only, valid for a period, consumed by one claim line.
 */
@Service
public class VoucherService {

    private final JdbcTemplate jdbc;
    private final ContractCatalog contracts;
    private final Beneficiaries beneficiaries;
    private final AuditLog auditLog;
    private final CoveringContracts covering;

    public VoucherService(JdbcTemplate jdbc, ContractCatalog contracts, Beneficiaries beneficiaries, AuditLog auditLog,
                          CoveringContracts covering) {
        this.covering = covering;
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.beneficiaries = beneficiaries;
        this.auditLog = auditLog;
    }

    public record NewVoucher(@jakarta.validation.constraints.NotBlank String policyNumber,
                             @jakarta.validation.constraints.NotBlank String matricule,
                             @jakarta.validation.constraints.Min(0) int rank,
                             @jakarta.validation.constraints.NotBlank String actCode,
                             @jakarta.validation.constraints.NotNull LocalDate validFrom,
                             @jakarta.validation.constraints.NotNull LocalDate validTo,
                             @jakarta.validation.constraints.Size(max = 64) String requestId) {

        /** A request without an idempotency key. */
        public NewVoucher(String policyNumber, String matricule, int rank, String actCode, LocalDate validFrom, LocalDate validTo) {
            this(policyNumber, matricule, rank, actCode, validFrom, validTo, null);
        }
    }

    @Transactional
    public Map<String, Object> issue(NewVoucher request, String actor) {
        InsuranceContract contract = contracts.get(request.policyNumber())
                .orElseThrow(() -> new ClaimRefused("unknown contract " + request.policyNumber()));
        if (!contract.inForceOn(request.validFrom())) {
            throw new ClaimRefused("contract " + request.policyNumber() + " is not in force on " + request.validFrom());
        }
        BenefitRule rule = contract.scheduleAt(request.validFrom()).flatMap(s -> s.rule(request.actCode()))
                .orElseThrow(() -> new ClaimRefused("act " + request.actCode() + " is not covered on " + request.validFrom()));
        if (request.validTo().isBefore(request.validFrom())) {
            throw new ClaimRefused("valid-to is before valid-from");
        }
        Beneficiaries.Found who = beneficiaries.lockFamilyOf(request.matricule(), request.rank());
        // a retried request (same idempotency key) gets the voucher already issued; the family lock orders the two
        if (request.requestId() != null) {
            Map<String, Object> issued = alreadyIssued(request, who);
            if (issued != null) {
                return issued;
            }
        }
        CoveredPerson person = who.under(contract, covering).person();
        if (!person.coveredOn(request.validFrom())
                || contract.pastAgeRulesOn(person.birthDate(), person.coverStart(), request.validFrom())) {
            throw new ClaimRefused("rights are not open on " + request.validFrom() + " under " + request.policyNumber());
        }
        if (rule.periodicityMonths() != null) {
            // periodicity counts the vouchers of this contract only
            LocalDate last = jdbc.queryForObject("""
                    select max(valid_from) from care_voucher where beneficiary_id = ? and act_code = ? and policy_number = ?
                       and status <> 'CANCELLED'""",
                    LocalDate.class, who.beneficiaryId(), request.actCode(), request.policyNumber());
            if (last != null && request.validFrom().isBefore(last.plusMonths(rule.periodicityMonths()))) {
                throw new ClaimConflict("periodicity: a voucher for " + request.actCode() + " was issued from " + last
                        + "; the next one from " + last.plusMonths(rule.periodicityMonths()));
            }
        }
        Long id = jdbc.queryForObject("select nextval('care_voucher_id_seq')", Long.class);
        String number = "BON-" + request.validFrom().getYear() + "-" + String.format("%06d", id);
        jdbc.update("""
                insert into care_voucher (id, voucher_number, policy_number, beneficiary_id, act_code, issued_on, valid_from,
                    valid_to, status, created_by, created_at, request_id)
                values (?, ?, ?, ?, ?, current_date, ?, ?, 'ISSUED', ?, now(), ?)""",
                id, number, request.policyNumber(), who.beneficiaryId(), request.actCode(), request.validFrom(),
                request.validTo(), actor, request.requestId());
        auditLog.write(List.of(new Audit("CARE_VOUCHER", number, "ISSUE", actor, Instant.now(), null,
                Map.of("actCode", request.actCode(), "validFrom", request.validFrom().toString(),
                        "validTo", request.validTo().toString()))));
        return jdbc.queryForMap("select voucher_number, act_code, valid_from, valid_to, status from care_voucher where id = ?", id);
    }

    private Map<String, Object> alreadyIssued(NewVoucher request, Beneficiaries.Found who) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select voucher_number, act_code, valid_from, valid_to, status, policy_number, beneficiary_id
                from care_voucher where request_id = ?""", request.requestId());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> row = new java.util.LinkedHashMap<>(rows.get(0));
        boolean same = request.policyNumber().equals(row.remove("policy_number")) && who.beneficiaryId().equals(row.remove("beneficiary_id"))
                && request.actCode().equals(row.get("act_code"))
                && request.validFrom().equals(((java.sql.Date) row.get("valid_from")).toLocalDate())
                && request.validTo().equals(((java.sql.Date) row.get("valid_to")).toLocalDate());
        if (!same) {
            throw new ClaimConflict("request id " + request.requestId() + " was already used for another voucher");
        }
        return row;
    }

    /** The voucher's id when it can cover this line; a voucher that cannot is a mistake the desk must correct. */
    Long usableFor(String voucherNumber, UUID beneficiaryId, String actCode, LocalDate dateOfCare) {
        Map<String, Object> v = jdbc.query("""
                select id, beneficiary_id, act_code, valid_from, valid_to, status from care_voucher
                where voucher_number = ? for update""", rs -> rs.next() ? Map.<String, Object>of("id", rs.getLong(1),
                "beneficiary", rs.getObject(2, UUID.class), "act", rs.getString(3), "from", rs.getObject(4, LocalDate.class),
                "to", rs.getObject(5, LocalDate.class), "status", rs.getString(6)) : null, voucherNumber);
        if (v == null) {
            throw new ClaimRefused("no voucher " + voucherNumber);
        }
        if (!"ISSUED".equals(v.get("status"))) {
            throw new ClaimConflict("voucher " + voucherNumber + " is " + v.get("status"));
        }
        if (!beneficiaryId.equals(v.get("beneficiary")) || !actCode.equals(v.get("act"))) {
            throw new ClaimRefused("voucher " + voucherNumber + " is for another beneficiary or act");
        }
        if (dateOfCare.isBefore((LocalDate) v.get("from")) || dateOfCare.isAfter((LocalDate) v.get("to"))) {
            throw new ClaimRefused("voucher " + voucherNumber + " is not valid on the date of care");
        }
        return (Long) v.get("id");
    }

    void consume(long voucherId, long claimLineId) {
        if (jdbc.update("update care_voucher set status = 'CONSUMED', consumed_by_claim_line = ? where id = ? and status = 'ISSUED'",
                claimLineId, voucherId) != 1) {
            throw new ClaimConflict("the voucher is already consumed");
        }
    }

    void releaseFromClaim(long claimId) {
        jdbc.update("""
                update care_voucher set status = 'ISSUED', consumed_by_claim_line = null
                where consumed_by_claim_line in (select id from claim_line where claim_id = ?)""", claimId);
    }
}
