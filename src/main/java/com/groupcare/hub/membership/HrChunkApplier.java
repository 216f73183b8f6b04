package com.groupcare.hub.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.HubHeaders;
import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.RawLine;
import com.groupcare.hub.exchange.LineError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one chunk of an HR file inside the pipeline's transaction: parse, validate, upsert the
 * families. A family one of whose lines would end someone's cover waits for the completion step
 * ({@link HrDeferredLines}, {@link HrSnapshotCloser}). The pipeline makes sure a chunk is applied once
 * and records the rejected lines.
 */
@Service
class HrChunkApplier {

    private static final Logger log = LoggerFactory.getLogger(HrChunkApplier.class);

    private final MembershipStore store;
    private final CoverRules rules;
    private final OrgUnits orgUnits;
    private final HrLayout layout;
    private final JdbcTemplate jdbc;
    private final HrDeferredLines deferredLines;

    HrChunkApplier(MembershipStore store, CoverRules rules, OrgUnits orgUnits, HrLayout layout, JdbcTemplate jdbc,
                   HrDeferredLines deferredLines) {
        this.deferredLines = deferredLines;
        this.store = store;
        this.rules = rules;
        this.orgUnits = orgUnits;
        this.layout = layout;
        this.jdbc = jdbc;
    }

    /** Applies the lines of one chunk in the pipeline's transaction; returns the rejected lines. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<LineError> apply(ExchangeState exchange, List<RawLine> rawLines) {
        long exchangeId = exchange.id();
        HrLineParser parser = new HrLineParser(layout, orgUnits.activeCodes(),
                HrLayout.FileKind.valueOf(exchange.fileKind()), exchange.fileDate());
        long t0 = System.nanoTime();
        List<ParsedLine> lines = rawLines.stream().map(parser::parse).toList();
        long t1 = System.nanoTime();

        // the first line of each (matricule, rang) in this chunk, then in the whole file
        Map<String, Integer> firstInChunk = new LinkedHashMap<>();
        lines.stream().filter(l -> l.matricule() != null).forEach(l -> firstInChunk.putIfAbsent(key(l), l.lineNo()));
        Seen seen = claimSeen(exchangeId, firstInChunk);
        Map<String, MemberState> families = store.lockByMatricule(
                new TreeSet<>(lines.stream().map(ParsedLine::matricule).filter(m -> m != null).toList()));
        MembershipChanges changes = new MembershipChanges(Audit.fileActor(exchangeId), Instant.now());
        FamilySync sync = new FamilySync(rules, exchange.fileDate(), changes);
        List<LineError> errors = new ArrayList<>();
        Set<String> putAside = familiesEndingCover(lines, firstInChunk, seen, families, sync);
        List<HrDeferredLines.Deferred> deferred = new ArrayList<>();

        for (ParsedLine line : lines) {
            MDC.put(HubHeaders.MDC_LINE, Integer.toString(line.lineNo()));
            if (line.isRejected()) {
                errors.add(new LineError(line.lineNo(), line.rejection().name(), line.message()));
                continue;
            }
            Integer first = duplicateOf(line, firstInChunk, seen);
            if (first != null) {
                errors.add(new LineError(line.lineNo(), HrRejection.DUPLICATE_MATRICULE.name(),
                        (line.rank() == 0 ? "matricule" : "matricule and rang") + " already at line " + first));
                continue;
            }
            HrRecord r = line.record();
            MemberState family = families.get(r.matricule());
            if (putAside.contains(r.matricule())) {
                // the family's lines wait for the completion step, in file order, behind the safety valve
                deferred.add(new HrDeferredLines.Deferred(r, sync.endsCover(family, r)));
            } else if (r.isMember() && family == null && r.action() == HrAction.REMOVE) {
                errors.add(new LineError(line.lineNo(), HrRejection.UNKNOWN_MEMBER.name(),
                        "no member with this matricule to remove (withdrawal of someone never affiliated)"));
            } else if (r.isMember()) {
                families.put(r.matricule(), sync.applyMember(family, r));
            } else if (family == null) {
                errors.add(new LineError(line.lineNo(), HrRejection.UNKNOWN_MEMBER.name(),
                        "no member with this matricule (lien A line missing or rejected)"));
            } else {
                sync.applyDependant(family, r);
            }
        }
        MDC.remove(HubHeaders.MDC_LINE);
        long t2 = System.nanoTime();
        store.write(changes, exchangeId);
        deferredLines.put(exchangeId, deferred);
        long t3 = System.nanoTime();
        log.info("{} lines: {} rejected, {} movements, {} lines waiting for the completion step "
                        + "(parse {} ms, rules {} ms, write {} ms)",
                lines.size(), errors.size(), changes.movements.size(), deferred.size(),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        return errors;
    }

    /**
     * The families of this chunk one of whose valid lines would end, or bring closer, the cover of
     * someone covered now (a leave date, a withdrawal, an earlier age limit): all their lines wait for
     * the completion step, so that the safety valve counts them before anyone's cover ends and the
     * family's lines still apply in file order.
     */
    private static Set<String> familiesEndingCover(List<ParsedLine> lines, Map<String, Integer> firstInChunk, Seen seen,
                                                   Map<String, MemberState> families, FamilySync sync) {
        Set<String> ending = new HashSet<>();
        for (ParsedLine line : lines) {
            if (!line.isRejected() && duplicateOf(line, firstInChunk, seen) == null
                    && sync.endsCover(families.get(line.matricule()), line.record())) {
                ending.add(line.matricule());
            }
        }
        return ending;
    }

    /** The line number where this (matricule, rang) was first listed, when it is not this line. */
    private static Integer duplicateOf(ParsedLine line, Map<String, Integer> firstInChunk, Seen seen) {
        return firstInChunk.get(key(line)) != line.lineNo() ? firstInChunk.get(key(line)) : seen.earlier().get(key(line));
    }

    private static String key(ParsedLine line) {
        return line.matricule() + "/" + line.rank();
    }

    /** Keys this chunk listed first in the file, and the line numbers of keys an earlier chunk listed. */
    private record Seen(Map<String, Integer> earlier) {
    }

    /**
     * Records the chunk's (matricule, rang) pairs for the file; a pair another chunk recorded first is
     * a duplicate. Concurrent chunks meet on the primary key, so only one of them can list a pair.
     */
    private Seen claimSeen(long exchangeId, Map<String, Integer> firstInChunk) {
        Map<String, Integer> earlier = new HashMap<>();
        if (firstInChunk.isEmpty()) {
            return new Seen(earlier);
        }
        List<String> keys = new ArrayList<>(firstInChunk.keySet());
        String[] matricules = keys.stream().map(k -> k.substring(0, k.lastIndexOf('/'))).toArray(String[]::new);
        Integer[] ranks = keys.stream().map(k -> Integer.valueOf(k.substring(k.lastIndexOf('/') + 1))).toArray(Integer[]::new);
        Integer[] lineNos = keys.stream().map(firstInChunk::get).toArray(Integer[]::new);
        Set<String> claimed = new HashSet<>(jdbc.execute((ConnectionCallback<List<String>>) con -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    insert into hr_sync_seen (exchange_id, matricule, rank, line_no)
                    select ?, m, r, l from unnest(?::varchar[], ?::int[], ?::int[]) as t(m, r, l)
                    on conflict do nothing returning matricule || '/' || rank""")) {
                ps.setLong(1, exchangeId);
                ps.setArray(2, con.createArrayOf("varchar", matricules));
                ps.setArray(3, con.createArrayOf("int4", ranks));
                ps.setArray(4, con.createArrayOf("int4", lineNos));
                List<String> inserted = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getString(1));
                    }
                }
                return inserted;
            }
        }));
        if (claimed.size() < keys.size()) {
            jdbc.query("select matricule || '/' || rank, line_no from hr_sync_seen where exchange_id = ? and matricule = any(?)",
                    rs -> {
                        if (!claimed.contains(rs.getString(1))) {
                            earlier.put(rs.getString(1), rs.getInt(2));
                        }
                    }, exchangeId, matricules);
        }
        return new Seen(earlier);
    }
}
