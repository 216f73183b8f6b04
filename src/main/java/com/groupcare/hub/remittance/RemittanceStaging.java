package com.groupcare.hub.remittance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.groupcare.hub.common.PgCopy;
import com.groupcare.hub.exchange.RawLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Matches a whole remittance to our claims in one set-based pass when it is split, instead of one
 * look-up per claim in every chunk: the claim numbers the file names are copied into a temporary
 * table and joined to the claims and their lines at once (hash joins), into an unlogged table per
 * file, {@code remittance_match_<exchange>}, ordered by the line that first names each claim. A chunk
 * then reads the claims first named in its lines by range ({@link RemittanceMatcher#byNumbers}).
 * <p>
 * It only ever speeds matching up: a chunk looks up whatever it does not find there (a claim named
 * again later in the file, a table emptied by a database crash, a file split before this existed) the
 * way it always did. What changes after the split is read by the chunk itself: the insurer's answers so
 * far ({@code claim_answer}) and the earlier answers of each line. A sent claim's lines never change.
 */
@Component
class RemittanceStaging {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RemittanceStaging.class);

    /** The staged columns, in the order {@link ClaimLineMatch#read} expects after the claim number. */
    static final String STAGED_COLUMNS = """
            m.claim_id, m.claim_line_id, m.line_no, coalesce(ca.status, m.status), m.policy_number, m.transmittal_id, m.expected,
            m.currency, m.member_id, m.provider_code, m.date_of_care""";

    private final JdbcTemplate jdbc;

    RemittanceStaging(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static String table(long exchangeId) {
        return "remittance_match_" + exchangeId;
    }

    /** Stages the file's matches (in the split's transaction); returns the number of claims found. */
    int stage(long exchangeId, RemittanceLayout layout, int scale, Iterator<List<RawLine>> blocks) {
        long t0 = System.nanoTime();
        dropFinished();
        String table = table(exchangeId);
        jdbc.execute("drop table if exists " + table);
        jdbc.execute("create temporary table remittance_named (line_no integer, claim_number varchar(30)) on commit drop");
        while (blocks.hasNext()) {
            List<String[]> named = new ArrayList<>();
            for (RemittanceEntry entry : RemittanceLines.parse(layout, scale, blocks.next(), rejected -> { })) {
                if (entry.echoesNumbers()) {
                    named.add(new String[] {Integer.toString(entry.lineNo()), entry.claimNumber()});
                }
            }
            PgCopy.insert(jdbc, "remittance_named", "line_no, claim_number", named, row -> row);
        }
        jdbc.execute("analyze remittance_named");
        long t1 = System.nanoTime();
        jdbc.execute("""
                create unlogged table %s as
                select f.first_line, c.claim_number, c.id as claim_id, cl.id as claim_line_id, cl.line_no, c.status, c.policy_number,
                       c.transmittal_id, cl.expected, c.currency, c.member_id, c.provider_code, c.date_of_care
                from (select claim_number, min(line_no) as first_line from remittance_named group by claim_number) f
                join claim c on c.claim_number = f.claim_number
                left join claim_line cl on cl.claim_id = c.id
                order by f.first_line""".formatted(table));
        jdbc.execute("create index on " + table + " (first_line)");
        jdbc.execute("analyze " + table);
        int claims = jdbc.queryForObject("select count(distinct claim_id) from " + table, Integer.class);
        log.info("Remittance matched set-based: {} claims in {} ms (named lines copied in {} ms)", claims,
                (System.nanoTime() - t0) / 1_000_000, (t1 - t0) / 1_000_000);
        return claims;
    }

    /** True when the file's matches are staged (the table is there). */
    boolean staged(long exchangeId) {
        return jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table(exchangeId));
    }

    /** Once the file is finished its matches go. */
    void drop(long exchangeId) {
        jdbc.execute("drop table if exists " + table(exchangeId));
    }

    /** Matches left by files finished or refused some other way (a person rejected a failed file, say). */
    private void dropFinished() {
        List<Long> finished = jdbc.queryForList("""
                select x.id from pg_class t join exchange x on t.relname = 'remittance_match_' || x.id
                where t.relkind = 'r' and t.relname like 'remittance\\_match\\_%' and x.status not in ('RECEIVED', 'PROCESSING', 'FAILED')""",
                Long.class);
        finished.forEach(this::drop);
    }
}
