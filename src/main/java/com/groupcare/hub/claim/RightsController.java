package com.groupcare.hub.claim;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provider's rights check at the counter (role PROVIDER only). */
@RestController
@Tag(name = "Rights", description = "A conventioned provider checks a member's rights before care (tiers payant)")
public class RightsController {

    private final RightsCheck rights;

    public RightsController(RightsCheck rights) {
        this.rights = rights;
    }

    @GetMapping("/api/rights")
    @Operation(summary = "Covered or not, rate, voucher needed, what the contract would still pay for the act; audited")
    public Map<String, Object> check(@RequestParam String card, @RequestParam(defaultValue = "0") int rank,
                                     @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                     @RequestParam String act, @RequestParam(required = false) String policyNumber, Principal user) {
        return rights.check(card, rank, date, act, policyNumber, user.getName());
    }
}
