package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.groupcare.hub.claim.ClaimRequests.ClaimView;
import com.groupcare.hub.claim.ClaimRequests.NewClaim;
import com.groupcare.hub.claim.ClaimRequests.NewLine;
import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.Money;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.provider.ProviderRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records claim forms and values them at once: rights at the date of care, expected
 * reimbursement per line, ceiling consumption reserved; a cancellation gives it back.
 */
@Service
public class ClaimService {

    private final JdbcTemplate jdbc;
    private final ContractCatalog contracts;
    private final Beneficiaries beneficiaries;
    private final VoucherService vouchers;
    private final ClaimViews views;
    private final AuditLog auditLog;
    private final ProviderRepository providers;
    private final CoveringContracts covering;
    private final ClaimValuator valuator = new ClaimValuator();

    public ClaimService(JdbcTemplate jdbc, ContractCatalog contracts, Beneficiaries beneficiaries, VoucherService vouchers,
                        ClaimViews views, AuditLog auditLog, ProviderRepository providers, CoveringContracts covering) {
        this.providers = providers;
        this.covering = covering;
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.beneficiaries = beneficiaries;
        this.vouchers = vouchers;
        this.views = views;
        this.auditLog = auditLog;
    }

    boolean exists(String claimNumber) {
        return jdbc.queryForObject("select count(*) from claim where claim_number = ?", Integer.class, claimNumber) > 0;
    }

    /**
     * Records and values a claim form. The same form sent again (a retry, a double click, a file
     * imported twice) returns the claim already recorded; the same number with other content is a conflict.
     */
    @Transactional
    public ClaimView create(NewClaim request, String actor) {
        JdbcConsumptionLedger ledger = new JdbcConsumptionLedger(jdbc);
        record(request, actor, ledger);
        ledger.flush();
        return views.get(request.claimNumber());
    }

    /**
     * {@link #create} inside the caller's transaction, without marking it rollback-only when the
     * form is refused (the claims import records each form on its own savepoint) and with the
     * caller's ledger. Returns the claim recorded earlier when the form was already recorded, else null.
     */
    ClaimView record(NewClaim request, String actor, ConsumptionLedger ledger) {
        InsuranceContract contract = check(request);
        Beneficiaries.Found who = beneficiaries.lockFamilyOf(request.matricule(), request.rank()).under(contract, covering);
        ledger.prepare(who.memberId().toString());
        BigDecimal charged = request.lines().stream().map(NewLine::amountCharged).reduce(BigDecimal.ZERO, BigDecimal::add);
        // the unique claim number decides between two senders of the same form: the second waits, then reads
        Long claimId = jdbc.query("""
                insert into claim (claim_number, policy_number, currency, member_id, beneficiary_id, provider_code,
                    date_of_care, status, total_charged, total_expected, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'ENTERED', ?, 0, ?, now(), now())
                on conflict (claim_number) do nothing returning id""", rs -> rs.next() ? rs.getLong(1) : null,
                request.claimNumber(), contract.policyNumber(), contract.currency(), who.memberId(), who.beneficiaryId(),
                request.providerCode(), request.dateOfCare(), Money.round(charged, contract.currency()), actor);
        if (claimId == null) {
            ClaimView recorded = views.get(request.claimNumber());
            if ("CANCELLED".equals(recorded.status())) {
                throw new ClaimConflict("claim " + request.claimNumber() + " was cancelled: a cancelled form is not "
                        + "recorded again; give the new form a new number");
            }
            if (!sameForm(recorded, request)) {
                throw new ClaimConflict("claim " + request.claimNumber() + " is already recorded with other content");
            }
            return recorded;
        }
        List<ClaimLineInput> inputs = new ArrayList<>();
        List<Long> voucherIds = new ArrayList<>();
        for (NewLine line : request.lines()) {
            Long voucherId = line.voucherNumber() == null || line.voucherNumber().isBlank() ? null
                    : vouchers.usableFor(line.voucherNumber(), who.beneficiaryId(), line.actCode(), request.dateOfCare());
            if (voucherId != null && voucherIds.contains(voucherId)) {
                throw new ClaimRefused("voucher " + line.voucherNumber() + " appears on two lines: it covers one line");
            }
            voucherIds.add(voucherId);
            inputs.add(new ClaimLineInput(line.actCode(), line.quantity(), line.amountCharged(), voucherId != null));
        }
        ValuedClaim valued = valuator.value(contract, claimId.toString(), who.person(), request.dateOfCare(), inputs, ledger);
        for (ValuedLine line : valued.lines()) {
            Long voucherId = voucherIds.get(line.lineNo() - 1);
            Long lineId = jdbc.queryForObject("""
                    insert into claim_line (claim_id, line_no, act_code, quantity, amount_charged, expected, reasons, voucher_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, claimId, line.lineNo(),
                    line.line().actCode(), line.line().quantity(), line.line().amountCharged(), line.expected(),
                    line.reasons().stream().map(Enum::name).collect(Collectors.joining(",")), voucherId);
            if (voucherId != null) {
                vouchers.consume(voucherId, lineId);
            }
        }
        jdbc.update("update claim set status = 'VALUED', total_expected = ?, updated_at = now() where id = ?",
                valued.total(), claimId);
        auditLog.write(List.of(created(request.claimNumber(), actor, valued, contract)));
        return null;
    }

    /** The form's contract, once the form names a known contract and provider and amounts its currency can hold. */
    InsuranceContract check(NewClaim request) {
        InsuranceContract contract = contracts.get(request.policyNumber())
                .orElseThrow(() -> new ClaimRefused("unknown contract " + request.policyNumber()));
        if (request.dateOfCare().isAfter(java.time.LocalDate.now())) {
            throw new ClaimRefused("the date of care " + request.dateOfCare() + " is in the future: care is claimed once given");
        }
        int digits = Money.minorUnits(contract.currency());
        for (NewLine line : request.lines()) {
            // before any arithmetic or message: 1E99999999 would cost minutes, 1E-99999999 a 100 MB string
            if (line.amountCharged().precision() - line.amountCharged().scale() > 12 || line.amountCharged().scale() > 6) {
                throw new ClaimRefused("amount charged must have at most 12 digits before the decimal point and "
                        + contract.currency() + "'s " + digits + " after");
            }
            if (line.amountCharged().stripTrailingZeros().scale() > digits) {
                throw new ClaimRefused("amount charged " + line.amountCharged().toPlainString() + " has more decimals than "
                        + contract.currency() + " allows (" + digits + ")");
            }
        }
        if (request.providerCode() != null && !providers.existsById(request.providerCode())) {
            throw new ClaimRefused("unknown provider " + request.providerCode());
        }
        return contract;
    }

    /** What the audit trail keeps of a claim recorded and valued. */
    static Audit created(String claimNumber, String actor, ValuedClaim valued, InsuranceContract contract) {
        return new Audit("CLAIM", claimNumber, "CREATE", actor, Instant.now(), null, Map.of("status", "VALUED",
                "totalExpected", valued.total().setScale(Money.minorUnits(contract.currency())).toPlainString()));
    }

    private static boolean sameForm(ClaimView recorded, NewClaim request) {
        if (!recorded.policyNumber().equals(request.policyNumber()) || !recorded.matricule().equals(request.matricule())
                || recorded.rank() != request.rank() || !recorded.dateOfCare().equals(request.dateOfCare())
                || !java.util.Objects.equals(recorded.providerCode(), request.providerCode())
                || recorded.lines().size() != request.lines().size()) {
            return false;
        }
        for (int i = 0; i < request.lines().size(); i++) {
            NewLine asked = request.lines().get(i);
            ClaimRequests.LineView kept = recorded.lines().get(i);
            if (!kept.actCode().equals(asked.actCode()) || kept.quantity() != asked.quantity()
                    || kept.amountCharged().compareTo(asked.amountCharged()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Cancels a claim not yet sent to the insurer: its ceiling consumption and vouchers are given back. */
    @Transactional
    public ClaimView cancel(String claimNumber, String reason, String actor) {
        Map<String, Object> claim = jdbc.query("select id, status, member_id from claim where claim_number = ? for update",
                rs -> rs.next() ? Map.<String, Object>of("id", rs.getLong(1), "status", rs.getString(2)) : null, claimNumber);
        if (claim == null) {
            throw new ClaimNotFound("no claim " + claimNumber);
        }
        String status = (String) claim.get("status");
        if (!status.equals("ENTERED") && !status.equals("VALUED")) {
            throw new ClaimConflict("claim " + claimNumber + " is " + status + ": only a claim not yet batched can be cancelled");
        }
        long id = (Long) claim.get("id");
        new JdbcConsumptionLedger(jdbc).release(Long.toString(id));
        vouchers.releaseFromClaim(id);
        jdbc.update("update claim set status = 'CANCELLED', cancel_reason = ?, updated_at = now() where id = ?", reason, id);
        auditLog.write(List.of(new Audit("CLAIM", claimNumber, "CANCEL", actor, Instant.now(),
                Map.of("status", status), Map.of("status", "CANCELLED", "reason", reason))));
        return views.get(claimNumber);
    }
}
