package com.groupcare.hub.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * The completion step of an HR file, once every chunk is in: for a full snapshot, members it no longer lists
 * become leavers at the file date and dependants it no longer lists lose cover; for every file,
 * age limits and leave dates passed by the file date (today at the latest) take effect.
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

    HrSnapshotCloser(SnapshotSafetyValve safetyValve, MembershipStore store, CoverRules rules, HrFileDates dates,
                     JdbcTemplate jdbc) {
        this.safetyValve = safetyValve;
        this.store = store;
        this.rules = rules;
        this.dates = dates;
        this.jdbc = jdbc;
    }

    /**
     * Runs once every chunk is in. A full snapshot that would make more than the allowed share of
     * active members leave or of covered dependants lose cover, or that is much shorter than the last
     * one, is held for a person instead (an empty, header-only, cut-short or padded export must never
     * end members' cover).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Completion complete(ExchangeState exchange, boolean released) {
        long exchangeId = exchange.id();
        LocalDate fileDate = exchange.fileDate();
        if (HrLayout.FileKind.SNAPSHOT.name().equals(exchange.fileKind())) {
            List<UUID> leavers = jdbc.queryForList("""
                    select m.id from member m where m.status = 'ACTIVE' and not exists (
                        select 1 from hr_sync_seen s where s.exchange_id = ? and s.matricule = m.matricule)""",
                    UUID.class, exchangeId);
            String holdReason = released ? null : safetyValve.check(exchange, leavers.size());
            if (holdReason != null) {
                return Completion.hold(holdReason);
            }
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
        LocalDate sweepDate = dates.sweepDate(fileDate);
        List<UUID> due = jdbc.queryForList("""
                select m.id from member m where m.status = 'ACTIVE' and m.leave_date < ?
                union
                select b.member_id from beneficiary b where b.status = 'ACTIVE' and b.cover_end < ?""",
                UUID.class, sweepDate, sweepDate);
        apply(exchangeId, sweepDate, due, FamilySync::sweep);
        jdbc.update("delete from hr_sync_seen where exchange_id = ?", exchangeId);
        return Completion.DONE;
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
