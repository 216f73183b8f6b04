package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.util.List;

/** A valued claim: its lines and their total, which is the sum of the rounded lines. */
public record ValuedClaim(String claimId, String currency, List<ValuedLine> lines) {

    public BigDecimal total() {
        return lines.stream().map(ValuedLine::expected).reduce(BigDecimal::add)
                .orElse(com.groupcare.hub.common.Money.zero(currency));
    }
}
