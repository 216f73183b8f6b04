package com.groupcare.hub.membership;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.groupcare.hub.common.Ids;

/**
 * The membership rules of an HR sync, in plain Java: a line creates, changes, or removes a
 * member or a dependant; every change yields the movements, card flags and audit entries it
 * implies. Nothing is deleted: leavers and removed dependants keep their rows with end dates.
 */
final class FamilySync {

    private static final String MEMBER = "MEMBER";
    private static final String BENEFICIARY = "BENEFICIARY";
    private static final String CARD = "MEMBER_CARD";

    private final CoverRules rules;
    private final LocalDate fileDate;
    private final MembershipChanges changes;

    FamilySync(CoverRules rules, LocalDate fileDate, MembershipChanges changes) {
        this.rules = rules;
        this.fileDate = fileDate;
        this.changes = changes;
    }

    /** Applies a member line (rank 0) to the member, or creates it. */
    MemberState applyMember(MemberState m, HrRecord r) {
        if (m == null) {
            return create(r);
        }
        if (r.action() == HrAction.REMOVE) {
            removeMember(m, r.leaveDate() != null ? r.leaveDate() : fileDate, r.lineNo(), "removed by HR");
            return m;
        }
        Map<String, Object> before = m.snapshot();
        copyIdentity(r, m);
        Map<String, Object> after = m.snapshot();
        if (!before.equals(after)) {
            changes.updatedMembers.add(m);
            changes.audit(MEMBER, m.id, "UPDATE", before, after);
            changes.movements.add(movement(m, null, Movement.MODIFICATION, fileDate, r.lineNo(),
                    String.join(", ", changedFields(before, after)) + " changed"));
            followIdentity(m);
        }
        applyLeaveDate(m, r.leaveDate(), r.lineNo());
        return m;
    }

    /** A leave date in the past makes a leaver; none (or one to come) keeps or makes the member active. */
    private void applyLeaveDate(MemberState m, LocalDate leave, int lineNo) {
        boolean left = leave != null && leave.isBefore(fileDate);
        if (Objects.equals(m.leaveDate, leave) && m.isActive() != left) {
            return;
        }
        if (left && m.isActive()) {
            removeMember(m, leave, lineNo, "left the company");
            return;
        }
        Map<String, Object> before = m.snapshot();
        boolean wasActive = m.isActive();
        m.leaveDate = leave;
        m.status = left ? "LEFT" : "ACTIVE";
        changes.updatedMembers.add(m);
        changes.audit(MEMBER, m.id, left ? "UPDATE" : wasActive ? "UPDATE" : "REHIRE", before, m.snapshot());
        if (left) {
            return;
        }
        for (BeneficiaryState b : m.beneficiaries) {
            if (b.rank == 0 || b.isActive()) {
                Map<String, Object> beforeCover = b.snapshot();
                boolean wasCovered = b.isActive();
                setCover(b, m);
                if (!beforeCover.equals(b.snapshot())) {
                    changes.updatedBeneficiaries.add(b);
                    changes.audit(BENEFICIARY, b.id, "UPDATE", beforeCover, b.snapshot());
                }
                if (!wasCovered && b.isActive()) {
                    changes.movements.add(movement(m, b, Movement.INCORPORATION, fileDate, lineNo, "member rehired"));
                }
            }
        }
        if (!wasActive) {
            issueCard(m, "REHIRED");
        }
    }

    /** Applies a dependant line to the dependant of an existing member, or adds it. */
    void applyDependant(MemberState m, HrRecord r) {
        BeneficiaryState b = m.beneficiary(r.rank());
        if (r.action() == HrAction.REMOVE) {
            if (b != null && b.isActive()) {
                removeBeneficiary(m, b, r.coverStart() != null ? r.coverStart() : fileDate, r.lineNo(), "removed by HR");
            }
            return;
        }
        if (b == null) {
            b = new BeneficiaryState();
            b.id = Ids.newId();
            b.memberId = m.id;
            b.rank = r.rank();
            copy(r, b, m);
            m.beneficiaries.add(b);
            changes.insertedBeneficiaries.add(b);
            changes.audit(BENEFICIARY, b.id, "CREATE", null, b.snapshot());
            if (b.isActive()) {
                changes.movements.add(movement(m, b, Movement.INCORPORATION, b.coverStart, r.lineNo(), b.relationship + " added"));
                familyChanged(m);
            }
            return;
        }
        Map<String, Object> before = b.snapshot();
        boolean wasActive = b.isActive();
        copy(r, b, m);
        updateBeneficiary(m, b, before, wasActive, r.lineNo());
    }

    /**
     * Whether this line would end, or bring closer, the cover of someone covered now: the withdrawal
     * of a covered member or dependant, a leave date given to an active member who had none (or an
     * earlier one than they had, past or to come), a covered dependant whose cover end the line moves
     * earlier (birth date, student or disabled flag: the age limit). Such a line waits for the
     * completion step and counts in the safety valve; a line that only adds or changes people does not.
     */
    boolean endsCover(MemberState m, HrRecord r) {
        if (m == null || !m.isActive()) {
            return false;
        }
        if (r.isMember()) {
            return r.action() == HrAction.REMOVE
                    || r.leaveDate() != null && (m.leaveDate == null || r.leaveDate().isBefore(m.leaveDate));
        }
        BeneficiaryState b = m.beneficiary(r.rank());
        if (b == null || !b.isActive()) {
            return false;
        }
        if (r.action() == HrAction.REMOVE) {
            return true;
        }
        LocalDate end = rules.coverEnd(r.relationship(), r.birthDate(), r.student(), r.disabled(), m.leaveDate);
        return end != null && (b.coverEnd == null || end.isBefore(b.coverEnd));
    }

    /** A leaver: rights close at the leave date for the member and every dependant; cards revoked. */
    void removeMember(MemberState m, LocalDate leaveDate, Integer lineNo, String why) {
        if (!m.isActive()) {
            return;
        }
        Map<String, Object> before = m.snapshot();
        m.leaveDate = m.leaveDate != null && m.leaveDate.isBefore(leaveDate) ? m.leaveDate : leaveDate;
        m.status = "LEFT";
        changes.updatedMembers.add(m);
        changes.audit(MEMBER, m.id, "LEAVE", before, m.snapshot());
        for (BeneficiaryState b : m.beneficiaries) {
            if (b.isActive()) {
                endCover(m, b, m.leaveDate, lineNo, why);
            }
        }
        revokeCards(m);
    }

    /** A dependant withdrawn (retrait): cover ends, the card is reissued without them. */
    void removeBeneficiary(MemberState m, BeneficiaryState b, LocalDate endDate, Integer lineNo, String why) {
        endCover(m, b, endDate, lineNo, why);
        familyChanged(m);
    }

    /** Ends what the calendar has ended by the file date: age limits reached, leave dates passed. */
    void sweep(MemberState m) {
        if (m.isActive() && m.leaveDate != null && m.leaveDate.isBefore(fileDate)) {
            removeMember(m, m.leaveDate, null, "leave date passed");
            return;
        }
        boolean familyChanged = false;
        for (BeneficiaryState b : m.beneficiaries) {
            if (b.isActive() && b.coverEnd != null && b.coverEnd.isBefore(fileDate)) {
                endCover(m, b, b.coverEnd, null, b.relationship == Relationship.CHILD ? "age limit reached" : "cover ended");
                familyChanged = true;
            }
        }
        if (familyChanged) {
            familyChanged(m);
        }
    }

    private MemberState create(HrRecord r) {
        MemberState m = new MemberState();
        m.id = Ids.newId();
        copy(r, m);
        m.status = m.leaveDate != null && m.leaveDate.isBefore(fileDate) ? "LEFT" : "ACTIVE";
        changes.insertedMembers.add(m);
        changes.audit(MEMBER, m.id, "CREATE", null, m.snapshot());
        BeneficiaryState self = new BeneficiaryState();
        self.id = Ids.newId();
        self.memberId = m.id;
        self.rank = 0;
        copy(r, self, m);
        m.beneficiaries.add(self);
        changes.insertedBeneficiaries.add(self);
        changes.audit(BENEFICIARY, self.id, "CREATE", null, self.snapshot());
        if (m.isActive()) {
            changes.movements.add(movement(m, self, Movement.INCORPORATION, self.coverStart, r.lineNo(), "member added"));
            issueCard(m, "NEW_MEMBER");
        }
        return m;
    }

    /** The member's own beneficiary row follows the member's identity (audited, no movement of its own). */
    private void followIdentity(MemberState m) {
        BeneficiaryState self = m.beneficiary(0);
        if (self == null) {
            return;
        }
        Map<String, Object> before = self.snapshot();
        self.lastName = m.lastName;
        self.firstName = m.firstName;
        self.birthDate = m.birthDate;
        self.gender = m.gender;
        self.nationalId = m.nationalId;
        self.coverStart = m.hireDate;
        if (!before.equals(self.snapshot())) {
            changes.updatedBeneficiaries.add(self);
            changes.audit(BENEFICIARY, self.id, "UPDATE", before, self.snapshot());
        }
    }

    private void updateBeneficiary(MemberState m, BeneficiaryState b, Map<String, Object> before, boolean wasActive,
                                   Integer lineNo) {
        Map<String, Object> after = b.snapshot();
        if (before.equals(after)) {
            return;
        }
        changes.updatedBeneficiaries.add(b);
        changes.audit(BENEFICIARY, b.id, "UPDATE", before, after);
        if (wasActive && !b.isActive()) {
            changes.movements.add(movement(m, b, Movement.RETRAIT, b.coverEnd, lineNo, b.relationship + " cover ended"));
            familyChanged(m);
        } else if (!wasActive && b.isActive()) {
            changes.movements.add(movement(m, b, Movement.INCORPORATION, fileDate, lineNo, b.relationship + " cover reopened"));
            familyChanged(m);
        } else {
            List<String> changed = changedFields(before, after);
            changes.movements.add(movement(m, b, Movement.MODIFICATION, fileDate, lineNo,
                    b.relationship + ": " + String.join(", ", changed) + " changed"));
        }
    }

    private void endCover(MemberState m, BeneficiaryState b, LocalDate endDate, Integer lineNo, String why) {
        Map<String, Object> before = b.snapshot();
        b.coverEnd = CoverRules.earliest(b.coverEnd, endDate);
        b.status = "ENDED";
        changes.updatedBeneficiaries.add(b);
        changes.audit(BENEFICIARY, b.id, "END_COVER", before, b.snapshot());
        changes.movements.add(movement(m, b, Movement.RETRAIT, b.coverEnd, lineNo, b.relationship + ": " + why));
    }

    private void copy(HrRecord r, MemberState m) {
        copyIdentity(r, m);
        m.leaveDate = r.leaveDate();
    }

    private void copyIdentity(HrRecord r, MemberState m) {
        m.matricule = r.matricule();
        m.nationalId = r.nationalId();
        m.lastName = r.lastName();
        m.firstName = r.firstName();
        m.birthDate = r.birthDate();
        m.gender = r.gender();
        m.hireDate = r.hireDate();
        m.unitCode = r.unitCode();
        m.bankAccount = r.bankAccount();
        m.phone = r.phone();
        m.email = r.email();
    }

    private void copy(HrRecord r, BeneficiaryState b, MemberState m) {
        b.relationship = r.relationship();
        b.lastName = r.lastName();
        b.firstName = r.firstName();
        b.birthDate = r.birthDate();
        b.gender = r.gender();
        b.nationalId = r.nationalId();
        b.student = r.student();
        b.disabled = r.disabled();
        if (r.isMember()) {
            b.coverStart = r.hireDate();
        } else if (r.coverStart() != null) {
            b.coverStart = r.coverStart();
        } else if (b.coverStart == null) {
            b.coverStart = r.birthDate().isAfter(m.hireDate) ? r.birthDate() : m.hireDate;
        }
        setCover(b, m);
    }

    private void setCover(BeneficiaryState b, MemberState m) {
        b.coverEnd = rules.coverEnd(b.relationship, b.birthDate, b.student, b.disabled, m.leaveDate);
        b.status = b.coverEnd != null && b.coverEnd.isBefore(fileDate) ? "ENDED" : "ACTIVE";
    }

    private void familyChanged(MemberState m) {
        if (changes.insertedMembers.contains(m) || !m.isActive()
                || m.cards.stream().anyMatch(c -> "TO_ISSUE".equals(c.status))) {
            return; // the card still to print will list the family as it is
        }
        revokeCards(m);
        issueCard(m, "FAMILY_CHANGE");
    }

    private void issueCard(MemberState m, String reason) {
        CardState card = new CardState();
        card.id = Ids.newId();
        card.cardNumber = m.matricule + "-" + String.format("%02d", m.cards.size() + 1);
        card.validFrom = fileDate;
        card.status = "TO_ISSUE";
        card.reason = reason;
        m.cards.add(card);
        changes.insertedCards.put(card, m.id);
        changes.audit(CARD, card.id, "CREATE", null, Map.of("cardNumber", card.cardNumber, "status", card.status,
                "reason", reason));
    }

    private void revokeCards(MemberState m) {
        for (CardState card : m.cards) {
            if (card.isLive()) {
                String before = card.status;
                card.status = "TO_ISSUE".equals(card.status) ? "REVOKED" : "TO_REVOKE";
                card.validTo = fileDate;
                changes.updatedCards.add(card);
                changes.audit(CARD, card.id, "REVOKE", Map.of("status", before), Map.of("status", card.status));
            }
        }
    }

    private Movement movement(MemberState m, BeneficiaryState b, String type, LocalDate effective, Integer lineNo,
                              String detail) {
        return new Movement(Ids.newId(), m.id, b == null ? null : b.id, type,
                effective != null ? effective : fileDate, lineNo, detail);
    }

    private static List<String> changedFields(Map<String, Object> before, Map<String, Object> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                changed.add(k);
            }
        });
        return changed;
    }
}
