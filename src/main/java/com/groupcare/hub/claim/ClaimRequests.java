package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/** What the desk sends to record a claim form, and what it gets back. */
public final class ClaimRequests {

    private ClaimRequests() {
    }

    /**
     * A claim form. The claim number is the form's own number: sending the same form twice
     * returns the claim already recorded instead of a second one.
     */
    public record NewClaim(@NotBlank String claimNumber, @NotBlank String policyNumber, @NotBlank String matricule,
                           @Min(0) int rank, String providerCode, @NotNull LocalDate dateOfCare,
                           @NotEmpty List<@Valid NewLine> lines) {
    }

    public record NewLine(@NotBlank String actCode, @Min(1) int quantity,
                          @NotNull @DecimalMin("0") BigDecimal amountCharged, String voucherNumber) {
    }

    public record CancelRequest(@NotBlank String reason) {
    }

    public record ClaimView(String claimNumber, String policyNumber, String currency, String matricule, int rank,
                            String providerCode, LocalDate dateOfCare, String status, BigDecimal totalCharged,
                            BigDecimal totalExpected, String cancelReason, String transmittalNumber,
                            String insurerReason, BigDecimal totalPaid, List<LineView> lines) {
    }

    public record LineView(int lineNo, String actCode, int quantity, BigDecimal amountCharged, BigDecimal expected,
                           List<String> reasons, String voucherNumber, BigDecimal paid) {
    }
}
