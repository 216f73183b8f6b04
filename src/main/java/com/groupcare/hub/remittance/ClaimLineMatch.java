package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.UUID;

/** A sent claim line a remittance line may answer, with what allocation needs: payee and tiers payant. */
record ClaimLineMatch(long claimId, Long claimLineId, Integer claimLineNo, String claimStatus, String policyNumber,
                      String transmittalNumber, BigDecimal expected, String currency, UUID memberId, String providerCode,
                      boolean tiersPayant) {

    private static final Set<String> ANSWERABLE = Set.of("SENT", "REIMBURSED", "PARTIALLY_REIMBURSED", "REJECTED_BY_INSURER");

    /** The columns {@link #read} expects, for a query joining claim c, claim_line cl, transmittal t and provider p. */
    static final String COLUMNS = """
            c.id, cl.id, cl.line_no, c.status, c.policy_number, t.transmittal_number, cl.expected, c.currency, c.member_id,
            c.provider_code, coalesce(p.conventioned and c.date_of_care >= p.convention_start
                                      and (p.convention_end is null or c.date_of_care <= p.convention_end), false)""";

    static ClaimLineMatch read(ResultSet rs, int from) throws SQLException {
        return new ClaimLineMatch(rs.getLong(from), (Long) rs.getObject(from + 1), (Integer) rs.getObject(from + 2),
                rs.getString(from + 3), rs.getString(from + 4), rs.getString(from + 5), rs.getBigDecimal(from + 6),
                rs.getString(from + 7), rs.getObject(from + 8, UUID.class), rs.getString(from + 9), rs.getBoolean(from + 10));
    }

    /** Null when the line may answer this claim line, or the suspense reason. */
    String suspenseReason(String policy, RemittanceEntry entry) {
        if (claimLineId == null) {
            return "UNKNOWN_LINE";
        }
        if (!policyNumber.equals(policy)) {
            return "OTHER_CONTRACT";
        }
        if (claimStatus.equals("CANCELLED")) {
            return "CANCELLED_CLAIM";
        }
        if (!ANSWERABLE.contains(claimStatus) || transmittalNumber == null) {
            return "NOT_SENT";
        }
        if (entry.transmittalNumber() != null && !entry.transmittalNumber().equals(transmittalNumber)) {
            return "OTHER_TRANSMITTAL";
        }
        return null;
    }

    String payeeType() {
        return tiersPayant ? "PROVIDER" : "MEMBER";
    }

    /** The member (who advanced the money) or the conventioned provider (tiers payant). */
    String payee() {
        return tiersPayant ? providerCode : memberId.toString();
    }
}
