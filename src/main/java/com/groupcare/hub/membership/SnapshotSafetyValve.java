package com.groupcare.hub.membership;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.groupcare.hub.exchange.ExchangeState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stops a full snapshot before it ends anyone's cover when it looks wrong: it would make more than
 * {@code hub.hr.max-leavers-ratio} of the active members leave, or end the cover of more than that
 * share of the active dependants (spouses, children), or it has fewer lines than
 * {@code hub.hr.min-lines-ratio} of the last snapshot applied. A person then releases or rejects it.
 * The shares are of the people covered before the file: those its own lines added are not counted,
 * so padding a file with made-up matricules cannot dilute the people it drops.
 */
@Component
class SnapshotSafetyValve {

    /**
     * Members (rank 0) and dependants (rank above 0) covered before this file's lines applied: covered
     * now and not added or reopened by the file (an INCORPORATION of this exchange), or ended by the
     * file's own lines (a RETRAIT of this exchange). Parameter: the exchange id.
     */
    private static final String COVERED_BEFORE = """
            with changed as (
                select beneficiary_id, bool_or(movement_type = 'INCORPORATION') as joined,
                       bool_or(movement_type = 'RETRAIT') as ended
                from membership_movement where exchange_id = ? and beneficiary_id is not null group by beneficiary_id)
            select count(*) filter (where b.rank = 0) as members, count(*) filter (where b.rank > 0) as dependants
            from beneficiary b left join changed c on c.beneficiary_id = b.id
            where not coalesce(c.joined, false) and (b.status = 'ACTIVE' or coalesce(c.ended, false))""";

    /** Active dependants the snapshot's completion would end: of members it leaves out, or not listed themselves. */
    private static final String DEPENDANTS_DROPPED = """
            select count(*) from beneficiary b join member m on m.id = b.member_id
            where b.status = 'ACTIVE' and b.rank > 0 and m.status = 'ACTIVE'
              and not exists (select 1 from hr_sync_seen s where s.exchange_id = ? and s.matricule = m.matricule
                              and s.rank in (b.rank, -1))""";

    private final JdbcTemplate jdbc;
    private final BigDecimal maxLeaversRatio;
    private final BigDecimal minLinesRatio;

    SnapshotSafetyValve(JdbcTemplate jdbc, @Value("${hub.hr.max-leavers-ratio:0.05}") BigDecimal maxLeaversRatio,
                        @Value("${hub.hr.min-lines-ratio:0.8}") BigDecimal minLinesRatio) {
        this.jdbc = jdbc;
        this.maxLeaversRatio = maxLeaversRatio;
        this.minLinesRatio = minLinesRatio;
    }

    /** Null when the snapshot may close, or why it is held (every check that fails, so a person sees them all). */
    String check(ExchangeState snapshot, int leavers) {
        int[] before = jdbc.queryForObject(COVERED_BEFORE, (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, snapshot.id());
        int dependantsDropped = jdbc.queryForObject(DEPENDANTS_DROPPED, Integer.class, snapshot.id());
        List<String> reasons = new ArrayList<>();
        if (tooMany(leavers, before[0])) {
            reasons.add("it would make " + leavers + " of " + before[0] + " active members leave ("
                    + percent(leavers, before[0]) + ")");
        }
        if (tooMany(dependantsDropped, before[1])) {
            reasons.add("it would end the cover of " + dependantsDropped + " of " + before[1] + " covered spouses and children ("
                    + percent(dependantsDropped, before[1]) + ")");
        }
        if (!reasons.isEmpty()) {
            reasons.set(reasons.size() - 1, reasons.get(reasons.size() - 1) + ", more than the " + percent(maxLeaversRatio)
                    + " allowed (hub.hr.max-leavers-ratio; people this file adds are not counted)");
        }
        Integer lastLines = jdbc.query("""
                select total_count from exchange where flow = ? and file_kind = 'SNAPSHOT' and id <> ?
                   and status in ('DONE', 'DONE_WITH_ERRORS') order by file_date desc, id desc limit 1""",
                rs -> rs.next() ? rs.getInt(1) : null, HrFeed.FLOW, snapshot.id());
        if (lastLines != null && BigDecimal.valueOf(snapshot.totalCount())
                .compareTo(minLinesRatio.multiply(BigDecimal.valueOf(lastLines))) < 0) {
            reasons.add("it has " + snapshot.totalCount() + " lines, fewer than " + percent(minLinesRatio)
                    + " of the " + lastLines + " lines of the last snapshot applied (hub.hr.min-lines-ratio)");
        }
        return reasons.isEmpty() ? null : "this full snapshot looks wrong: " + String.join("; ", reasons)
                + ". Is the export empty, cut short or missing lines? Release it if these departures are real, otherwise reject it";
    }

    private boolean tooMany(int ending, int covered) {
        return ending > 0 && BigDecimal.valueOf(ending).compareTo(maxLeaversRatio.multiply(BigDecimal.valueOf(covered))) > 0;
    }

    private static String percent(int part, int whole) {
        if (whole == 0) {
            return "all";
        }
        return percent(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP));
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
