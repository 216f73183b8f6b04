package com.groupcare.hub.remittance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.groupcare.hub.provider.Provider;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.UUID;

/** A sent claim line a remittance line may answer, with what allocation needs: payee and tiers payant. */
record ClaimLineMatch(long claimId, Long claimLineId, Integer claimLineNo, String claimStatus, String policyNumber,
                      String transmittalNumber, BigDecimal expected, String currency, UUID memberId, String providerCode,
                      boolean tiersPayant) {

    private static final Set<String> ANSWERABLE = Set.of("SENT", "REIMBURSED", "PARTIALLY_REIMBURSED", "REJECTED_BY_INSURER");

    /**
     * The columns {@link #read} expects, for a query joining claim c and claim_line cl: the status is the
     * insurer's answer when there is one, else the claim's own. The answer is read by a sub-select, costed
     * per claim: as a join, the planner (which expects ten rows from an array) chose a scan of the whole of
     * claim_answer for each claim while its statistics said it was empty, harmless only while it stays so.
     */
    static final String COLUMNS = """
            c.id, cl.id, cl.line_no, coalesce((select ca.status from claim_answer ca where ca.claim_id = c.id), c.status),
            c.policy_number, c.transmittal_id, cl.expected, c.currency, c.member_id, c.provider_code, c.date_of_care""";

    /**
     * The contract's transmittals and the providers' conventions, read once per chunk: a few hundred
     * rows, instead of two more look-ups for every line matched.
     */
    record Lookups(Map<Long, String> transmittals, Map<String, Object[]> conventions) {

        static Lookups load(JdbcTemplate jdbc, String policy) {
            Map<Long, String> transmittals = new HashMap<>();
            jdbc.query("select id, transmittal_number from transmittal where policy_number = ?",
                    rs -> {
                        transmittals.put(rs.getLong(1), rs.getString(2));
                    }, policy);
            Map<String, Object[]> conventions = new HashMap<>();
            jdbc.query("select code, convention_start, convention_end from provider where conventioned", rs -> {
                conventions.put(rs.getString(1), new Object[] {rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)});
            });
            return new Lookups(transmittals, conventions);
        }

        boolean tiersPayant(String provider, LocalDate day) {
            Object[] convention = provider == null ? null : conventions.get(provider);
            return convention != null && Provider.conventionInForce((LocalDate) convention[0], (LocalDate) convention[1], day);
        }
    }

    static ClaimLineMatch read(ResultSet rs, int from, Lookups lookups) throws SQLException {
        Long transmittal = (Long) rs.getObject(from + 5);
        String provider = rs.getString(from + 9);
        return new ClaimLineMatch(rs.getLong(from), (Long) rs.getObject(from + 1), (Integer) rs.getObject(from + 2),
                rs.getString(from + 3), rs.getString(from + 4), transmittal == null ? null : lookups.transmittals().get(transmittal),
                rs.getBigDecimal(from + 6), rs.getString(from + 7), rs.getObject(from + 8, UUID.class), provider,
                lookups.tiersPayant(provider, rs.getObject(from + 10, LocalDate.class)));
    }

    /** The claim without a line: a remittance line naming a line number the claim does not have. */
    ClaimLineMatch withoutLine() {
        return new ClaimLineMatch(claimId, null, null, claimStatus, policyNumber, transmittalNumber, null, currency, memberId,
                providerCode, tiersPayant);
    }

    /** True once the insurer has answered some line of the claim (its status is then the answer's). */
    boolean claimAnswered() {
        return !claimStatus.equals("SENT") && ANSWERABLE.contains(claimStatus);
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
