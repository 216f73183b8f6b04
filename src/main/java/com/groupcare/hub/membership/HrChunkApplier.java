package com.groupcare.hub.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.HubHeaders;
import com.groupcare.hub.exchange.ExchangeProgress;
import com.groupcare.hub.exchange.LineError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one chunk of an HR file in one database transaction: parse, validate, upsert the
 * families, record rejected lines. A chunk already applied (redelivery, resumed file) is skipped,
 * so nothing is ever written twice.
 */
@Service
public class HrChunkApplier {

    private static final Logger log = LoggerFactory.getLogger(HrChunkApplier.class);

    private final ExchangeProgress progress;
    private final MembershipStore store;
    private final CoverRules rules;
    private final OrgUnits orgUnits;
    private final HrSync hrSync;
    private final HrSnapshotCloser closer;
    private final JdbcTemplate jdbc;

    public HrChunkApplier(ExchangeProgress progress, MembershipStore store, CoverRules rules, OrgUnits orgUnits,
                          HrSync hrSync, HrSnapshotCloser closer, JdbcTemplate jdbc) {
        this.progress = progress;
        this.store = store;
        this.rules = rules;
        this.orgUnits = orgUnits;
        this.hrSync = hrSync;
        this.closer = closer;
        this.jdbc = jdbc;
    }

    @Transactional
    public void apply(HrChunk chunk) {
        MDC.put(HubHeaders.MDC_EXCHANGE_ID, Long.toString(chunk.exchangeId()));
        ExchangeProgress.Snapshot exchange = progress.lock(chunk.exchangeId());
        if (!progress.claimChunk(chunk.exchangeId(), chunk.chunkNo())) {
            log.info("Chunk {} already applied: skipped", chunk.chunkNo());
            closer.closeIfComplete(chunk.exchangeId());
            return;
        }
        HrLayout.FileKind kind = HrLayout.FileKind.valueOf(exchange.fileKind());
        HrLineParser parser = new HrLineParser(hrSync.layout(), orgUnits.activeCodes(), kind, exchange.fileDate());
        List<ParsedLine> lines = chunk.lines().stream().map(parser::parse).toList();

        Map<String, Integer> seen = alreadySeen(chunk.exchangeId(), lines);
        Set<String> matricules = new LinkedHashSet<>();
        lines.forEach(l -> {
            if (l.matricule() != null) {
                matricules.add(l.matricule());
            }
        });
        Map<String, MemberState> families = store.loadByMatricule(matricules);
        MembershipChanges changes = new MembershipChanges(Audit.fileActor(chunk.exchangeId()), Instant.now());
        FamilySync sync = new FamilySync(rules, exchange.fileDate(), changes);
        List<LineError> errors = new ArrayList<>();
        List<Object[]> newlySeen = new ArrayList<>();

        for (ParsedLine line : lines) {
            MDC.put(HubHeaders.MDC_LINE, Integer.toString(line.lineNo()));
            String key = line.matricule() + "/" + line.rank();
            if (line.matricule() != null && !line.isRejected() && seen.containsKey(key)) {
                errors.add(new LineError(line.lineNo(), HrRejection.DUPLICATE_MATRICULE.name(),
                        (line.rank() == 0 ? "matricule" : "matricule and rang") + " already at line " + seen.get(key)));
                continue;
            }
            if (line.matricule() != null && seen.putIfAbsent(key, line.lineNo()) == null) {
                newlySeen.add(new Object[] {chunk.exchangeId(), line.matricule(), line.rank(), line.lineNo()});
            }
            if (line.isRejected()) {
                errors.add(new LineError(line.lineNo(), line.rejection().name(), line.message()));
                continue;
            }
            HrRecord r = line.record();
            MemberState family = families.get(r.matricule());
            if (r.isMember()) {
                families.put(r.matricule(), sync.applyMember(family, r));
            } else if (family == null) {
                errors.add(new LineError(line.lineNo(), HrRejection.UNKNOWN_MEMBER.name(),
                        "no member with this matricule (lien A line missing or rejected)"));
            } else {
                sync.applyDependant(family, r);
            }
        }
        MDC.remove(HubHeaders.MDC_LINE);
        store.write(changes, chunk.exchangeId());
        jdbc.batchUpdate("insert into hr_sync_seen (exchange_id, matricule, rank, line_no) values (?, ?, ?, ?) "
                + "on conflict do nothing", newlySeen);
        progress.recordChunk(chunk.exchangeId(), lines.size(), errors);
        log.info("Chunk {} applied: {} lines, {} rejected, {} movements", chunk.chunkNo(), lines.size(), errors.size(),
                changes.movements.size());
        closer.closeIfComplete(chunk.exchangeId());
    }

    /** Lines of this file already applied in earlier chunks, for the in-file duplicate check. */
    private Map<String, Integer> alreadySeen(long exchangeId, List<ParsedLine> lines) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> matricules = lines.stream().map(ParsedLine::matricule).filter(m -> m != null).distinct().toList();
        if (matricules.isEmpty()) {
            return seen;
        }
        String placeholders = String.join(",", matricules.stream().map(m -> "?").toList());
        List<Object> args = new ArrayList<>();
        args.add(exchangeId);
        args.addAll(matricules);
        jdbc.query("select matricule, rank, line_no from hr_sync_seen where exchange_id = ? and matricule in ("
                + placeholders + ")", rs -> {
                    seen.put(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3));
                }, args.toArray());
        return seen;
    }
}
