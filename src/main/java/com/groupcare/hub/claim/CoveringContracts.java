package com.groupcare.hub.claim;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.groupcare.hub.contract.ContractCatalog;
import com.groupcare.hub.contract.InsuranceContract;
import com.groupcare.hub.membership.MovementMappings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The contract a provider's question or invoice falls under when it names none: the contract covering
 * the member's org unit or one of its parents (mappings/insurers, movements.org-units) whose schedule
 * knows the act on the date; else the first contract covering the unit (the act is then not covered).
 */
@Component
class CoveringContracts {

    private final JdbcTemplate jdbc;
    private final ContractCatalog contracts;
    private final MovementMappings coverage;

    CoveringContracts(JdbcTemplate jdbc, ContractCatalog contracts, MovementMappings coverage) {
        this.jdbc = jdbc;
        this.contracts = contracts;
        this.coverage = coverage;
    }

    /** The unit's ancestry, itself first: read once per unit by callers that ask for many acts. */
    List<String> ancestry(String unit) {
        return jdbc.queryForList("""
                with recursive up(code, parent) as (select code, parent_code from org_unit where code = ?
                    union select o.code, o.parent_code from org_unit o join up on o.code = up.parent)
                select code from up""", String.class, unit);
    }

    /**
     * The contract for an act: among the contracts covering the unit, those naming the unit or a parent
     * first (a contract of its own beats the company-wide one), then by policy number, so the answer
     * never depends on the order contracts were loaded in.
     */
    Optional<InsuranceContract> of(List<String> ancestry, String act, LocalDate date) {
        InsuranceContract fallback = null;
        List<InsuranceContract> candidates = contracts.all().stream()
                .filter(c -> coverage.get(c.policyNumber()).isPresent() && covers(c, ancestry))
                .sorted(Comparator.comparing((InsuranceContract c) -> namesUnit(c, ancestry) ? 0 : 1)
                        .thenComparing(InsuranceContract::policyNumber))
                .toList();
        for (InsuranceContract contract : candidates) {
            if (contract.scheduleAt(date).flatMap(s -> s.rule(act)).isPresent()) {
                return Optional.of(contract);
            }
            fallback = fallback == null ? contract : fallback;
        }
        return Optional.ofNullable(fallback);
    }

    /**
     * Whether the contract covers members of this unit: its insurer mapping's org-units name the unit or a
     * parent, or name none (the whole company); a contract without an insurer mapping restricts no one.
     */
    boolean covers(InsuranceContract contract, String unit) {
        return coverage.get(contract.policyNumber()).map(l -> l.orgUnits().isEmpty()).orElse(true)
                || covers(contract, ancestry(unit));
    }

    private boolean covers(InsuranceContract contract, List<String> ancestry) {
        return coverage.get(contract.policyNumber())
                .map(l -> l.orgUnits().isEmpty() || l.orgUnits().stream().anyMatch(ancestry::contains)).orElse(true);
    }

    private boolean namesUnit(InsuranceContract contract, List<String> ancestry) {
        return coverage.get(contract.policyNumber()).map(l -> l.orgUnits().stream().anyMatch(ancestry::contains)).orElse(false);
    }
}
