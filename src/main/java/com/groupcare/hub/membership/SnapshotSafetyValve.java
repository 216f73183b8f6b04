package com.groupcare.hub.membership;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.groupcare.hub.exchange.ExchangeState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stops a full snapshot before it makes leavers when it looks wrong: it would make more than
 * {@code hub.hr.max-leavers-ratio} of the active members leave, or it has fewer lines than
 * {@code hub.hr.min-lines-ratio} of the last snapshot applied. A person then releases or rejects it.
 */
@Component
class SnapshotSafetyValve {

    private final JdbcTemplate jdbc;
    private final BigDecimal maxLeaversRatio;
    private final BigDecimal minLinesRatio;

    SnapshotSafetyValve(JdbcTemplate jdbc, @Value("${hub.hr.max-leavers-ratio:0.05}") BigDecimal maxLeaversRatio,
                        @Value("${hub.hr.min-lines-ratio:0.8}") BigDecimal minLinesRatio) {
        this.jdbc = jdbc;
        this.maxLeaversRatio = maxLeaversRatio;
        this.minLinesRatio = minLinesRatio;
    }

    /** Null when the snapshot may close, or why it is held. */
    String check(ExchangeState snapshot, int leavers) {
        int active = jdbc.queryForObject("select count(*) from member where status = 'ACTIVE'", Integer.class);
        if (leavers > 0 && BigDecimal.valueOf(leavers).compareTo(maxLeaversRatio.multiply(BigDecimal.valueOf(active))) > 0) {
            return "this full snapshot would make " + leavers + " of " + active + " active members leave ("
                    + percent(BigDecimal.valueOf(leavers).divide(BigDecimal.valueOf(active), 4, RoundingMode.HALF_UP))
                    + "), more than the " + percent(maxLeaversRatio) + " allowed (hub.hr.max-leavers-ratio): "
                    + "is the export empty or cut short? Release it if these departures are real, otherwise reject it";
        }
        Integer lastLines = jdbc.query("""
                select total_count from exchange where flow = ? and file_kind = 'SNAPSHOT' and id <> ?
                   and status in ('DONE', 'DONE_WITH_ERRORS') order by file_date desc, id desc limit 1""",
                rs -> rs.next() ? rs.getInt(1) : null, HrFeed.FLOW, snapshot.id());
        if (lastLines != null && BigDecimal.valueOf(snapshot.totalCount())
                .compareTo(minLinesRatio.multiply(BigDecimal.valueOf(lastLines))) < 0) {
            return "this full snapshot has " + snapshot.totalCount() + " lines, fewer than " + percent(minLinesRatio)
                    + " of the " + lastLines + " lines of the last snapshot applied (hub.hr.min-lines-ratio): "
                    + "is it cut short? Release it if the workforce really shrank, otherwise reject it";
        }
        return null;
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
