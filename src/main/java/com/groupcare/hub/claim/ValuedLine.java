package com.groupcare.hub.claim;

import java.math.BigDecimal;
import java.util.List;

/** A claim line with its expected reimbursement (in the contract's minor unit) and its reason codes. */
public record ValuedLine(int lineNo, ClaimLineInput line, BigDecimal expected, List<ValuationReason> reasons) {
}
