package com.groupcare.hub.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.common.AuditLog;
import com.groupcare.hub.common.ByteLineReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates and updates providers (from a CSV list or one by one), each change audited with its actor. */
@Service
class ProviderService {

    private static final Logger log = LoggerFactory.getLogger(ProviderService.class);
    static final String ENTITY = "PROVIDER";

    enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final ProviderLayout layout;
    private final ProviderStore store;
    private final AuditLog auditLog;
    private final TransactionTemplate tx;

    ProviderService(@Value("${hub.providers.layout}") Resource layout, ProviderStore store, AuditLog auditLog,
                    PlatformTransactionManager transactions) {
        this.layout = ProviderLayout.load(layout);
        this.store = store;
        this.auditLog = auditLog;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * The good lines are applied in one transaction, the bad ones reported; a wrong header applies nothing.
     * The body is read before the transaction starts, so a slow upload holds no database connection.
     */
    public ProviderImportResult importCsv(InputStream body, String actor) {
        List<ProviderLine> lines = read(body);
        List<ProviderImportResult.RejectedLine> rejected = new ArrayList<>();
        List<ProviderData> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ProviderLine line : lines) {
            // a code belongs to its first line, even a rejected one: a second line would silently replace it
            if (line.code() != null && !seen.add(line.code())) {
                line = ProviderLine.rejected(line.lineNo(), ProviderRejection.DUPLICATE_CODE,
                        "code already listed on an earlier line of this file", line.code());
            }
            if (line.isRejected()) {
                rejected.add(new ProviderImportResult.RejectedLine(line.lineNo(), line.rejection(), line.message(),
                        line.code()));
            } else {
                good.add(line.data());
            }
        }
        Map<Outcome, Integer> counts = tx.execute(status -> apply(good, actor));
        log.info("Provider import by {}: {} lines, {} created, {} updated, {} unchanged, {} rejected", actor,
                lines.size(), counts.get(Outcome.CREATED), counts.get(Outcome.UPDATED), counts.get(Outcome.UNCHANGED),
                rejected.size());
        return new ProviderImportResult(lines.size(), counts.get(Outcome.CREATED), counts.get(Outcome.UPDATED),
                counts.get(Outcome.UNCHANGED), rejected);
    }

    /** Creates or replaces one provider; a null status keeps the current one (ACTIVE for a new provider). */
    @Transactional
    public Outcome save(ProviderData data, String actor) {
        store.lockProviders();
        Map<String, ProviderData> existing = store.load(List.of(data.code()));
        ProviderData current = existing.get(data.code());
        if (data.status() == null) {
            data = data.withStatus(current == null ? Provider.Status.ACTIVE : current.status());
        }
        new ProviderRules(Map.of()).check(data);
        return write(List.of(data), existing, actor).get(0);
    }

    private Map<Outcome, Integer> apply(List<ProviderData> rows, String actor) {
        store.lockProviders();
        Map<String, ProviderData> existing = store.load(rows.stream().map(ProviderData::code).toList());
        // the list has no status column: a provider the desk set INACTIVE stays so, new ones are ACTIVE
        List<ProviderData> keepingStatus = rows.stream().map(r -> existing.containsKey(r.code())
                ? r.withStatus(existing.get(r.code()).status()) : r).toList();
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0);
        }
        write(keepingStatus, existing, actor).forEach(o -> counts.merge(o, 1, Integer::sum));
        return counts;
    }

    /** Inserts the new codes, updates the changed ones, leaves the same ones alone; one audit entry per write. */
    private List<Outcome> write(List<ProviderData> rows, Map<String, ProviderData> existing, String actor) {
        Instant now = Instant.now();
        List<ProviderData> inserts = new ArrayList<>();
        List<ProviderData> updates = new ArrayList<>();
        List<Audit> audits = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (ProviderData row : rows) {
            ProviderData before = existing.get(row.code());
            if (before == null) {
                inserts.add(row);
                audits.add(new Audit(ENTITY, row.code(), "CREATE", actor, now, null, row.snapshot()));
                outcomes.add(Outcome.CREATED);
            } else if (!before.equals(row)) {
                updates.add(row);
                audits.add(new Audit(ENTITY, row.code(), "UPDATE", actor, now, before.snapshot(), row.snapshot()));
                outcomes.add(Outcome.UPDATED);
            } else {
                outcomes.add(Outcome.UNCHANGED);
            }
        }
        store.insert(inserts, now);
        store.update(updates, now);
        auditLog.write(audits);
        return outcomes;
    }

    private List<ProviderLine> read(InputStream body) {
        ProviderLineParser parser = new ProviderLineParser(layout);
        List<ProviderLine> lines = new ArrayList<>();
        try (ByteLineReader reader = new ByteLineReader(body)) {
            ByteLineReader.Line header = reader.next();
            if (header == null || !header.text().strip().equalsIgnoreCase(layout.header())) {
                throw new ProviderFileRefused("the first line must be the header of mappings/providers/providers.yaml: "
                        + layout.header());
            }
            int lineNo = 1;
            for (ByteLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lineNo++;
                if (!line.text().isBlank()) {
                    lines.add(parser.parse(lineNo, line.text(), line.valid()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
