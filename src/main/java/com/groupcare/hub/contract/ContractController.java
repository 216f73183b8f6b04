package com.groupcare.hub.contract;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/contracts")
@Tag(name = "Contracts", description = "Insurance contracts and their benefit schedules (barèmes)")
public class ContractController {

    private final ContractCatalog catalog;

    public ContractController(ContractCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "All contracts with their schedule versions")
    public List<InsuranceContract> list() {
        return catalog.all().stream().sorted(Comparator.comparing(InsuranceContract::policyNumber)).toList();
    }

    @GetMapping("/{policyNumber}")
    public InsuranceContract get(@PathVariable String policyNumber) {
        return catalog.get(policyNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no contract " + policyNumber));
    }

    @PutMapping(value = "/{policyNumber}", consumes = {"application/yaml", "text/plain"})
    @Operation(summary = "Create or replace a contract from its YAML definition (same format as mappings/contracts)")
    public InsuranceContract put(@PathVariable String policyNumber, @RequestBody String yaml, Principal user) {
        InsuranceContract parsed;
        try {
            parsed = ContractFiles.parse(yaml);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        if (!parsed.policyNumber().equals(policyNumber)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "policy-number in the body differs from the path");
        }
        return catalog.save(yaml, user.getName());
    }
}
