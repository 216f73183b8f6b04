package com.groupcare.hub.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;

import com.groupcare.hub.common.Audit;
import com.groupcare.hub.exchange.ExchangeState;
import com.groupcare.hub.exchange.FileFeed.Completion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The completion step of an HR file, once every chunk is in, behind the {@link SnapshotSafetyValve}:
 * the lines the chunks put aside (leave dates, withdrawals, earlier age limits) apply; for a full
 * snapshot, members it no longer lists become leavers at the file date and dependants it no longer
 * lists lose cover; for every file, age limits and leave dates passed by the file date (today at the
 * latest) take effect.
 */
@Service
class HrSnapshotCloser {

    private static final Logger log = LoggerFactory.getLogger(HrSnapshotCloser.class);
    private static final int BATCH = 500;

    private final SnapshotSafetyValve safetyValve;
    private final MembershipStore store;
    private final CoverRules rules;
    private final HrFileDates dates;
    private final JdbcTemplate jdbc;
    private final HrDeferredLines deferredLines;

    HrSnapshotCloser(SnapshotSafetyValve safetyValve, MembershipStore store, CoverRules rules, HrFileDates dates,
                     JdbcTemplate jdbc, HrDeferredLines deferredLines) {
        this.deferredLines = deferredLines;
        this.safetyValve = safetyValve;
        this.store = store;
        this.rules = rules;
        this.dates = dates;
        this.jdbc = jdbc;
    }

    /**
     * Runs once every chunk is in. A file that would make more than the allowed share of active
     * members leave or of covered dependants lose cover (members a full snapshot leaves out, leave
     * dates and withdrawals on its own lines), or a full snapshot much shorter than the last one, is
     * held for a person instead (an empty, header-only, cut-short or padded export, or one giving
     * everyone a leave date, must never end members' cover). Otherwise, or once released, the lines
     * put aside by the chunks apply first, in file order, then the snapshot's leavers, then the calendar.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Completion complete(ExchangeState exchange, boolean released) {
        long exchangeId = exchange.id();
        LocalDate fileDate = exchange.fileDate();
        boolean snapshot = HrLayout.FileKind.SNAPSHOT.name().equals(exchange.fileKind());
        List<UUID> leavers = !snapshot ? List.of() : jdbc.queryForList("""
                select m.id from member m where m.status = 'ACTIVE' and not exists (
                    select 1 from hr_sync_seen s where s.exchange_id = ? and s.matricule = m.matricule)""",
                UUID.class, exchangeId);
        String holdReason = released ? null : safetyValve.check(exchange, leavers.size());
        if (holdReason != null) {
            return Completion.hold(holdReason);
        }
        int putAside = applyPutAside(exchangeId, fileDate);
        if (snapshot) {
            apply(exchangeId, fileDate, leavers, (sync, m) -> sync.removeMember(m, fileDate, null, "not in the HR snapshot"));
            List<UUID> withDropped = jdbc.queryForList("""
                    select distinct b.member_id from beneficiary b join member m on m.id = b.member_id
                    where b.status = 'ACTIVE' and b.rank > 0
                      and exists (select 1 from hr_sync_seen s where s.exchange_id = ? and s.matricule = m.matricule)
                      and not exists (select 1 from hr_sync_seen s where s.exchange_id = ? and s.matricule = m.matricule
                                      and s.rank in (b.rank, -1))""",
                    UUID.class, exchangeId, exchangeId);
            apply(exchangeId, fileDate, withDropped, (sync, m) -> dropUnlisted(sync, m, exchangeId, fileDate));
            log.info("Snapshot closed: {} leavers, {} families with dependants no longer listed",
                    leavers.size(), withDropped.size());
        }
        if (putAside > 0) {
            log.info("{} lines ending or shortening someone's cover applied at completion", putAside);
        }
        LocalDate sweepDate = dates.sweepDate(fileDate);
        List<UUID> due = jdbc.queryForList("""
                select m.id from member m where m.status = 'ACTIVE' and m.leave_date < ?
                union
                select b.member_id from beneficiary b where b.status = 'ACTIVE' and b.cover_end < ?""",
                UUID.class, sweepDate, sweepDate);
        apply(exchangeId, sweepDate, due, FamilySync::sweep);
        forget(exchangeId);
        return Completion.DONE;
    }

    /** A person rejected the held file: the lines it put aside never apply; what it listed is forgotten. */
    @Transactional(propagation = Propagation.MANDATORY)
    void rejected(ExchangeState exchange) {
        int dropped = deferredLines.drop(exchange.id());
        jdbc.update("delete from hr_sync_seen where exchange_id = ?", exchange.id());
        log.info("Rejected HR file: {} lines put aside dropped unapplied", dropped);
    }

    private void forget(long exchangeId) {
        jdbc.update("delete from hr_sync_seen where exchange_id = ?", exchangeId);
        deferredLines.drop(exchangeId);
    }

    /**
     * The lines the chunks put aside (families one of whose lines ends someone's cover), applied as
     * their chunk would have: family by family, each family's lines in file order. Returns how many.
     */
    private int applyPutAside(long exchangeId, LocalDate fileDate) {
        Map<String, List<HrRecord>> families = new LinkedHashMap<>();
        deferredLines.lines(exchangeId).forEach(r -> families.computeIfAbsent(r.matricule(), k -> new ArrayList<>()).add(r));
        List<String> matricules = new ArrayList<>(families.keySet());
        for (int from = 0; from < matricules.size(); from += BATCH) {
            List<String> batch = matricules.subList(from, Math.min(matricules.size(), from + BATCH));
            MembershipChanges changes = new MembershipChanges(Audit.fileActor(exchangeId), Instant.now());
            FamilySync sync = new FamilySync(rules, fileDate, changes);
            Map<String, MemberState> loaded = store.lockByMatricule(new TreeSet<>(batch));
            for (String matricule : batch) {
                for (HrRecord r : families.get(matricule)) {
                    MemberState family = loaded.get(matricule);
                    if (r.isMember()) {
                        loaded.put(matricule, sync.applyMember(family, r));
                    } else if (family != null) {
                        sync.applyDependant(family, r);
                    }
                }
            }
            store.write(changes, exchangeId);
        }
        return families.values().stream().mapToInt(List::size).sum();
    }

    private void dropUnlisted(FamilySync sync, MemberState m, long exchangeId, LocalDate fileDate) {
        List<Integer> listed = jdbc.queryForList(
                "select rank from hr_sync_seen where exchange_id = ? and matricule = ?", Integer.class, exchangeId, m.matricule);
        for (BeneficiaryState b : m.beneficiaries) {
            if (b.rank > 0 && b.isActive() && !listed.contains(b.rank)) {
                sync.removeBeneficiary(m, b, fileDate, null, "not in the HR snapshot");
            }
        }
    }

    private void apply(long exchangeId, LocalDate fileDate, List<UUID> memberIds, BiConsumer<FamilySync, MemberState> change) {
        for (int from = 0; from < memberIds.size(); from += BATCH) {
            List<UUID> ids = memberIds.subList(from, Math.min(memberIds.size(), from + BATCH));
            MembershipChanges changes = new MembershipChanges(Audit.fileActor(exchangeId), Instant.now());
            FamilySync sync = new FamilySync(rules, fileDate, changes);
            store.loadByIds(ids).values().forEach(m -> change.accept(sync, m));
            store.write(changes, exchangeId);
        }
    }
}
