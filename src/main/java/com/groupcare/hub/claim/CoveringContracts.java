package com.groupcare.hub.claim;

import java.time.LocalDate;
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

    Optional<InsuranceContract> of(List<String> ancestry, String act, LocalDate date) {
        InsuranceContract fallback = null;
        for (InsuranceContract contract : contracts.all()) {
            boolean covers = coverage.get(contract.policyNumber())
                    .map(l -> l.orgUnits().isEmpty() || l.orgUnits().stream().anyMatch(ancestry::contains)).orElse(false);
            if (!covers) {
                continue;
            }
            if (contract.scheduleAt(date).flatMap(s -> s.rule(act)).isPresent()) {
                return Optional.of(contract);
            }
            fallback = fallback == null ? contract : fallback;
        }
        return Optional.ofNullable(fallback);
    }
}
