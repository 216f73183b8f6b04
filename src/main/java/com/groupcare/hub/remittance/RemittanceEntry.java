package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One data line of a remittance as the insurer wrote it: our numbers when it echoes them, the care
 * it describes (for the fallback match), the amount it paid (negative for a reversal) and its own
 * rejection code translated through the mapping's code table.
 */
record RemittanceEntry(int lineNo, String transmittalNumber, String claimNumber, Integer claimLineNo, String matricule,
                       Integer rank, String actCode, LocalDate dateOfCare, BigDecimal amountPaid, String rejectionCode,
                       String rejectionLabel) {

    boolean echoesNumbers() {
        return claimNumber != null && claimLineNo != null;
    }
}
