package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;

import com.groupcare.hub.claim.ClaimRequests.CancelRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Social fund", description = "Employer-paid aid (fond social): yearly budget and vouchers, never sent to the insurer")
public class SocialFundController {

    private final SocialFund fund;

    public SocialFundController(SocialFund fund) {
        this.fund = fund;
    }

    public record Budget(@jakarta.validation.constraints.NotBlank String currency,
                         @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PositiveOrZero BigDecimal amount) {
    }

    @PutMapping("/api/social-fund/budgets/{year}")
    public Map<String, Object> setBudget(@PathVariable int year, @Valid @RequestBody Budget budget, Principal user) {
        return fund.setBudget(year, budget.currency(), budget.amount(), user.getName());
    }

    @GetMapping("/api/social-fund/budgets/{year}")
    @Operation(summary = "Budget, consumption and what is left for the year")
    public Map<String, Object> budget(@PathVariable int year) {
        return fund.budget(year);
    }

    @PostMapping("/api/social-fund/vouchers")
    @Operation(summary = "Issue a social-fund voucher; refused when the year's budget does not cover it")
    public Map<String, Object> issue(@Valid @RequestBody SocialFund.NewSocialVoucher voucher, Principal user) {
        return fund.issue(voucher, user.getName());
    }

    @PostMapping("/api/social-fund/vouchers/{number}/cancel")
    public Map<String, Object> cancel(@PathVariable String number, @Valid @RequestBody CancelRequest request, Principal user) {
        return fund.cancel(number, request.reason(), user.getName());
    }
}
