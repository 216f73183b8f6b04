package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.contract.BenefitRule;
import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rights check a conventioned provider makes at the counter: from the card (and the
 * beneficiary's rank), the date and the act, whether the act is covered, at which rate, whether a
 * care voucher is needed and how much the contract would still pay for it (the act's cap and the
 * ceilings left, from the same engine and ledger as claims). Nothing personal comes back: no
 * national id, no address, no name. Every call is audited.
 */
@Service
public class RightsCheck {

    /** Far above any charge: the reimbursement then shows what the cap and the ceilings still allow. */
    private static final BigDecimal ANY_CHARGE = new BigDecimal("1000000");

    private final JdbcTemplate jdbc;
    private final Beneficiaries beneficiaries;
    private final ContractCatalog contracts;
    private final CoveringContracts covering;
    private final AuditLog audit;
    private final ClaimValuator valuator = new ClaimValuator();

    RightsCheck(JdbcTemplate jdbc, Beneficiaries beneficiaries, ContractCatalog contracts, CoveringContracts covering, AuditLog audit) {
        this.jdbc = jdbc;
        this.beneficiaries = beneficiaries;
        this.contracts = contracts;
        this.covering = covering;
        this.audit = audit;
    }

    /** A refused question (unknown card) is audited too: its answer does not undo its trace. */
    @Transactional(noRollbackFor = ResponseStatusException.class)
    public Map<String, Object> check(String card, int rank, LocalDate date, String act, String policy, String provider) {
        // a question changes nothing but its audit line: its commit need not wait for the disk (at most the last
        // instants of audit lines are lost in a crash, never a member's data), which keeps the counter answer fast
        jdbc.execute("set local synchronous_commit = off");
        Map<String, Object> holder = jdbc.query("""
                select m.matricule, m.unit_code, c.status from member_card c join member m on m.id = c.member_id
                where c.card_number = ?""", rs -> rs.next()
                ? Map.<String, Object>of("matricule", rs.getString(1), "unit", rs.getString(2), "status", rs.getString(3)) : null, card);
        audit.write(List.of(new Audit("RIGHTS_CHECK", card, "CHECK", provider, Instant.now(), null,
                Map.of("rank", rank, "date", date.toString(), "act", act))));
        if (holder == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no card " + card);
        }
        Beneficiaries.Found who = beneficiaries.find((String) holder.get("matricule"), rank)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no beneficiary of rank " + rank + " on card " + card));
        InsuranceContract contract = policy != null
                ? contracts.get(policy).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no contract " + policy))
                : covering.of(covering.ancestry((String) holder.get("unit")), act, date)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no contract covers this card's holder"));
        if (policy != null) {
            who = who.under(contract, covering);
        }
        JdbcConsumptionLedger ledger = new JdbcConsumptionLedger(jdbc);
        ledger.prepare(who.memberId().toString());
        ValuedLine line = valuator.value(contract, "rights-check", who.person(), date,
                List.of(new ClaimLineInput(act, 1, ANY_CHARGE, true)), ledger).lines().get(0);
        BenefitRule rule = contract.scheduleAt(date).flatMap(s -> s.rule(act)).orElse(null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("card", card);
        // a card revoked (lost, or its holder left) still names the person: the rights on the date decide
        answer.put("cardStatus", holder.get("status"));
        answer.put("rank", rank);
        answer.put("date", date);
        answer.put("act", act);
        answer.put("policyNumber", contract.policyNumber());
        answer.put("covered", line.expected().signum() > 0);
        answer.put("reasons", line.reasons().stream().map(Enum::name).toList());
        answer.put("rate", rule == null ? null : rule.rate());
        answer.put("voucherRequired", rule != null && rule.priorApprovalRequired());
        answer.put("referenceTariff", rule == null ? null : rule.referenceTariff());
        answer.put("maxReimbursable", line.expected());
        answer.put("currency", contract.currency());
        return answer;
    }
}
