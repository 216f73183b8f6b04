package com.groupcare.hub.remittance;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Finds the claim lines a chunk of remittance lines answers, set-based: one query by our numbers
 * (claim number and line), one by the care (matricule, rank, act, date) for lines that do not echo
 * them; then, under the contract's lock, reads what each line was paid before and its open complaint.
 */
final class RemittanceMatcher {

    private final JdbcTemplate jdbc;
    private ClaimLineMatch.Lookups lookups;
    private final Map<Long, List<ClaimLineMatch>> claimLines = new HashMap<>();

    RemittanceMatcher(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * By claim number and line: the entry's index -> the claim line (claimLineId null when the claim has
     * no such line). Every line of each claim named is read once, by claim (half the look-ups of one per
     * line), and kept in {@link #claimLines()}: the claim's status then follows without reading it again.
     */
    Map<Integer, ClaimLineMatch> byNumbers(List<RemittanceEntry> entries) {
        Map<Integer, ClaimLineMatch> found = new HashMap<>();
        java.util.Set<String> claims = new java.util.LinkedHashSet<>();
        entries.stream().filter(RemittanceEntry::echoesNumbers).forEach(e -> claims.add(e.claimNumber()));
        if (claims.isEmpty()) {
            return found;
        }
        Map<String, List<ClaimLineMatch>> byClaim = new HashMap<>();
        jdbc.query(con -> statement(con, """
                select s.claim_number, %s
                from unnest(?::varchar[]) as s(claim_number)
                join claim c on c.claim_number = s.claim_number
                left join claim_line cl on cl.claim_id = c.id""".formatted(ClaimLineMatch.COLUMNS),
                array(con, "varchar", List.copyOf(claims))),
                rs -> {
                    ClaimLineMatch line = ClaimLineMatch.read(rs, 2, lookups);
                    byClaim.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(line);
                    if (line.claimLineId() != null) {
                        claimLines.computeIfAbsent(line.claimId(), k -> new ArrayList<>()).add(line);
                    }
                });
        for (int i = 0; i < entries.size(); i++) {
            RemittanceEntry entry = entries.get(i);
            List<ClaimLineMatch> lines = entry.echoesNumbers() ? byClaim.get(entry.claimNumber()) : null;
            if (lines != null) {
                found.put(i, lines.stream().filter(l -> entry.claimLineNo().equals(l.claimLineNo())).findFirst()
                        .orElseGet(() -> lines.get(0).withoutLine()));
            }
        }
        return found;
    }

    /** Every line of the claims named so far, by claim; completed with {@link #completeClaims}. */
    Map<Long, List<ClaimLineMatch>> claimLines() {
        return claimLines;
    }

    /** Reads every line of the given claims not read yet (claims found by the care name only the lines matched). */
    void completeClaims(java.util.Collection<Long> claimIds) {
        List<Long> missing = claimIds.stream().filter(id -> !claimLines.containsKey(id)).sorted().toList();
        if (missing.isEmpty()) {
            return;
        }
        jdbc.query(con -> statement(con, """
                select %s from claim c join claim_line cl on cl.claim_id = c.id
                where c.id = any(?::bigint[])""".formatted(ClaimLineMatch.COLUMNS), array(con, "int8", missing)),
                rs -> {
                    ClaimLineMatch line = ClaimLineMatch.read(rs, 1, lookups);
                    claimLines.computeIfAbsent(line.claimId(), k -> new ArrayList<>()).add(line);
                });
    }

    /** By the care, for entries without our numbers: every candidate line of the policy, oldest first. */
    Map<Integer, List<ClaimLineMatch>> byCare(String policy, List<RemittanceEntry> entries) {
        List<Integer> index = new ArrayList<>();
        List<String> matricules = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        List<String> acts = new ArrayList<>();
        List<java.sql.Date> dates = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RemittanceEntry e = entries.get(i);
            if (!e.echoesNumbers()) {
                index.add(i);
                matricules.add(e.matricule());
                ranks.add(e.rank());
                acts.add(e.actCode());
                dates.add(java.sql.Date.valueOf(e.dateOfCare()));
            }
        }
        Map<Integer, List<ClaimLineMatch>> found = new HashMap<>();
        if (index.isEmpty()) {
            return found;
        }
        jdbc.query(con -> statement(con, """
                select s.n, %s
                from unnest(?::int[], ?::varchar[], ?::int[], ?::varchar[], ?::date[]) as s(n, matricule, rank, act_code, day)
                join member m on m.matricule = s.matricule
                join beneficiary b on b.member_id = m.id and b.rank = s.rank
                join claim c on c.member_id = m.id and c.date_of_care = s.day and c.beneficiary_id = b.id and c.policy_number = ?
                join claim_line cl on cl.claim_id = c.id and cl.act_code = s.act_code
                order by s.n, c.status = 'CANCELLED', cl.id""".formatted(ClaimLineMatch.COLUMNS),
                array(con, "int4", index), array(con, "varchar", matricules), array(con, "int4", ranks),
                array(con, "varchar", acts), array(con, "date", dates), policy),
                rs -> {
                    found.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(ClaimLineMatch.read(rs, 2, lookups));
                });
        return found;
    }

    /**
     * One remittance chunk of a contract at a time answers its claims (a transaction-scoped lock on
     * the policy): what a chunk reads of earlier answers cannot change under it, and no row lock per claim is needed.
     */
    void lockPolicy(String policy) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, "remittance:" + policy);
        lookups = ClaimLineMatch.Lookups.load(jdbc, policy);
    }

    /**
     * What each claim line was answered and paid before, and the least of the insurer's labels on it
     * (read after the lock). Only lines of claims already answered are read: a claim still SENT has no
     * answer yet, whatever its size.
     */
    Map<Long, Reconciliation.LineState> states(Map<Long, ClaimLineMatch> lines, Map<Long, String> labels) {
        Map<Long, Reconciliation.LineState> states = new HashMap<>();
        lines.forEach((id, line) -> states.put(id, Reconciliation.LineState.unanswered(line.expected())));
        List<Long> ids = lines.values().stream().filter(ClaimLineMatch::claimAnswered).map(ClaimLineMatch::claimLineId).toList();
        if (ids.isEmpty()) {
            return states;
        }
        jdbc.query(con -> statement(con, """
                select i.id, coalesce(sum(r.amount_paid), 0),
                       exists (select 1 from complaint k where k.claim_line_id = i.id and k.status <> 'CLOSED'), min(r.insurer_label)
                from unnest(?::bigint[]) as i(id) join remittance_line r on r.claim_line_id = i.id and r.outcome <> 'SUSPENSE'
                group by i.id""", array(con, "int8", ids)),
                rs -> {
                    long id = rs.getLong(1);
                    states.put(id, new Reconciliation.LineState(lines.get(id).expected(), true, rs.getBigDecimal(2), rs.getBoolean(3)));
                    if (rs.getString(4) != null) {
                        labels.put(id, rs.getString(4));
                    }
                });
        return states;
    }

    static PreparedStatement statement(Connection con, String sql, Object... args) throws SQLException {
        PreparedStatement ps = con.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    static Array array(Connection con, String type, List<?> values) throws SQLException {
        return con.createArrayOf(type, values.toArray());
    }
}
