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
 * Stops an HR file before it ends anyone's cover when it looks wrong: it would make more than
 * {@code hub.hr.max-leavers-ratio} of the active members leave, or end the cover of more than that
 * share of the active dependants (spouses, children), or (a full snapshot) it has fewer lines than
 * {@code hub.hr.min-lines-ratio} of the last snapshot applied. A person then releases or rejects it.
 * Those who leave are the members a snapshot no longer lists and, in a snapshot or a delta, those
 * whose own line gives them a leave date or withdraws them (lines put aside until completion,
 * {@link HrDeferredLines}); a file whose own lines end the cover of a single family only (one
 * leaver, one withdrawn child) is ordinary HR business and is not held for it.
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

    /**
     * Active dependants the file's completion would end: (a snapshot) of members it leaves out, or not
     * listed themselves; (any file) of members whose own line ends their cover, or whose own line ends
     * theirs. Then those of them a snapshot leaves out. Parameters: snapshot?, the exchange id twice.
     */
    private static final String DEPENDANTS_ENDING = """
            select count(*), count(*) filter (where unlisted) from (
                select ? and not exists (select 1 from hr_sync_seen s where s.exchange_id = ? and s.matricule = m.matricule
                                         and s.rank in (b.rank, -1)) as unlisted,
                       exists (select 1 from hr_deferred_line d where d.exchange_id = ? and d.matricule = m.matricule
                               and d.ends_cover and d.rank in (0, b.rank)) as by_line
                from beneficiary b join member m on m.id = b.member_id
                where b.status = 'ACTIVE' and b.rank > 0 and m.status = 'ACTIVE') x
            where unlisted or by_line""";

    /** Active members whose own line gives them a leave date or withdraws them. Parameter: the exchange id. */
    private static final String MEMBERS_ENDING_BY_LINE = """
            select count(*) from hr_deferred_line d join member m on m.matricule = d.matricule
            where d.exchange_id = ? and d.rank = 0 and d.ends_cover and m.status = 'ACTIVE'""";

    private final JdbcTemplate jdbc;
    private final HrDeferredLines deferredLines;
    private final BigDecimal maxLeaversRatio;
    private final BigDecimal minLinesRatio;
    private final int minHeldByLines;

    SnapshotSafetyValve(JdbcTemplate jdbc, HrDeferredLines deferredLines, @Value("${hub.hr.max-leavers-ratio:0.05}") BigDecimal maxLeaversRatio,
                        @Value("${hub.hr.min-lines-ratio:0.8}") BigDecimal minLinesRatio,
                        @Value("${hub.hr.min-held-by-lines:10}") int minHeldByLines) {
        this.minHeldByLines = minHeldByLines;
        this.jdbc = jdbc;
        this.deferredLines = deferredLines;
        this.maxLeaversRatio = maxLeaversRatio;
        this.minLinesRatio = minLinesRatio;
    }

    /**
     * Null when the file may complete, or why it is held (every check that fails, so a person sees them
     * all). {@code missing}: the active members a full snapshot no longer lists (0 for a delta).
     */
    String check(ExchangeState file, int missing) {
        boolean snapshot = HrLayout.FileKind.SNAPSHOT.name().equals(file.fileKind());
        boolean byLines = deferredLines.anyEnding(file.id());
        if (!snapshot && !byLines) {
            return null; // a delta whose lines end nobody's cover
        }
        int[] before = jdbc.queryForObject(COVERED_BEFORE, (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)}, file.id());
        int[] dependants = jdbc.queryForObject(DEPENDANTS_ENDING, (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2)},
                snapshot, file.id(), file.id());
        int membersByLines = byLines ? jdbc.queryForObject(MEMBERS_ENDING_BY_LINE, Integer.class, file.id()) : 0;
        int leavers = missing + membersByLines;
        int dependantsByLines = dependants[0] - dependants[1];
        // nobody left out, and a few leavers or withdrawals on their own lines (one family, or fewer people than
        // hub.hr.min-held-by-lines): ordinary HR business, even in a company of a handful of people
        boolean oneFamilyOnly = missing == 0 && dependants[1] == 0 && (deferredLines.familiesEnding(file.id()) <= 1
                || membersByLines + dependantsByLines < minHeldByLines);
        List<String> reasons = new ArrayList<>();
        if (!oneFamilyOnly && tooMany(leavers, before[0])) {
            reasons.add("it would make " + leavers + " of " + before[0] + " active members leave ("
                    + percent(leavers, before[0]) + ")"
                    + (membersByLines > 0 ? ", " + membersByLines + " of them by a leave date or withdrawal on their own line" : ""));
        }
        if (!oneFamilyOnly && tooMany(dependants[0], before[1])) {
            reasons.add("it would end the cover of " + dependants[0] + " of " + before[1] + " covered spouses and children ("
                    + percent(dependants[0], before[1]) + ")" + (dependantsByLines > 0 ? ", " + dependantsByLines
                    + " of them by a leave date, withdrawal or age limit on their own or their member's line" : ""));
        }
        if (!reasons.isEmpty()) {
            reasons.set(reasons.size() - 1, reasons.get(reasons.size() - 1) + ", more than the " + percent(maxLeaversRatio)
                    + " allowed (hub.hr.max-leavers-ratio; people this file adds are not counted)");
        }
        boolean endingTooMany = !reasons.isEmpty();
        boolean linesMissing = missing > 0 || dependants[1] > 0;
        if (snapshot) {
            Integer lastLines = jdbc.query("""
                    select total_count from exchange where flow = ? and file_kind = 'SNAPSHOT' and id <> ?
                       and status in ('DONE', 'DONE_WITH_ERRORS') order by file_date desc, id desc limit 1""",
                    rs -> rs.next() ? rs.getInt(1) : null, HrFeed.FLOW, file.id());
            if (lastLines != null && BigDecimal.valueOf(file.totalCount())
                    .compareTo(minLinesRatio.multiply(BigDecimal.valueOf(lastLines))) < 0) {
                reasons.add("it has " + file.totalCount() + " lines, fewer than " + percent(minLinesRatio)
                        + " of the " + lastLines + " lines of the last snapshot applied (hub.hr.min-lines-ratio)");
                linesMissing = true;
            }
        }
        if (reasons.isEmpty()) {
            return null;
        }
        String question = (linesMissing ? "Is the export empty, cut short or missing lines? " : "")
                + (endingTooMany && (membersByLines > 0 || dependantsByLines > 0) ? "Are its leave dates or withdrawals wrong? " : "");
        return (snapshot ? "this full snapshot looks wrong: " : "this delta looks wrong: ") + String.join("; ", reasons)
                + ". " + question + "Release it if these departures are real, otherwise reject it";
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
