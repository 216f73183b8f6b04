package com.groupcare.hub.membership;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Membership rules without a database: what a line changes, and the movements, cards and audit it implies. */
class FamilySyncTest {

    static final LocalDate FILE_DATE = LocalDate.of(2026, 11, 1);
    final CoverRules rules = new CoverRules(21, 26);
    MembershipChanges changes = new MembershipChanges("file:1", Instant.parse("2026-11-01T08:00:00Z"));
    FamilySync sync = new FamilySync(rules, FILE_DATE, changes);

    @Test
    void aNewMemberIsIncorporatedWithACardToIssue() {
        MemberState m = sync.applyMember(null, member(null));
        assertThat(m.status).isEqualTo("ACTIVE");
        assertThat(m.beneficiaries).singleElement().satisfies(b -> {
            assertThat(b.relationship).isEqualTo(Relationship.MEMBER);
            assertThat(b.coverStart).isEqualTo(LocalDate.of(2010, 3, 1));
            assertThat(b.coverEnd).isNull();
        });
        assertThat(changes.movements).extracting(Movement::type).containsExactly(Movement.INCORPORATION);
        assertThat(m.cards).singleElement().satisfies(c -> assertThat(c.status).isEqualTo("TO_ISSUE"));
        assertThat(changes.audits).hasSize(3);
    }

    @Test
    void childrenAreCoveredUntilTheDayBeforeTheAgeLimitLongerForStudentsAlwaysIfDisabled() {
        MemberState m = sync.applyMember(null, member(null));
        sync.applyDependant(m, child(10, LocalDate.of(2010, 6, 15), false, false));
        sync.applyDependant(m, child(11, LocalDate.of(2003, 6, 15), true, false));
        sync.applyDependant(m, child(12, LocalDate.of(2000, 6, 15), false, true));
        assertThat(m.beneficiary(10).coverEnd).isEqualTo(LocalDate.of(2031, 6, 14));
        assertThat(m.beneficiary(11).coverEnd).isEqualTo(LocalDate.of(2029, 6, 14));
        assertThat(m.beneficiary(12).coverEnd).isNull();
        assertThat(m.beneficiary(12).status).isEqualTo("ACTIVE");
    }

    @Test
    void aChildAlreadyPastTheLimitIsRecordedButNotIncorporated() {
        MemberState m = sync.applyMember(null, member(null));
        sync.applyDependant(m, child(10, LocalDate.of(2005, 11, 1), false, false));
        assertThat(m.beneficiary(10).status).isEqualTo("ENDED");
        assertThat(m.beneficiary(10).coverEnd).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(changes.movements).hasSize(1);
    }

    @Test
    void aChildReachingTheLimitBeforeTheNextFileIsWithdrawnByTheSweep() {
        MemberState m = sync.applyMember(null, member(null));
        sync.applyDependant(m, child(10, LocalDate.of(2005, 11, 20), false, false));
        assertThat(m.beneficiary(10).status).isEqualTo("ACTIVE");

        MembershipChanges later = new MembershipChanges("file:2", Instant.now());
        new FamilySync(rules, LocalDate.of(2026, 12, 1), later).sweep(m);
        assertThat(m.beneficiary(10).status).isEqualTo("ENDED");
        assertThat(later.movements).singleElement().satisfies(mv -> {
            assertThat(mv.type()).isEqualTo(Movement.RETRAIT);
            assertThat(mv.effectiveDate()).isEqualTo(LocalDate.of(2026, 11, 19));
        });
    }

    @Test
    void aLeaveDateInThePastWithdrawsTheWholeFamilyAndRevokesTheCard() {
        MemberState m = sync.applyMember(null, member(null));
        sync.applyDependant(m, child(10, LocalDate.of(2012, 1, 1), false, false));
        m.cards.get(0).status = "ISSUED";
        changes = new MembershipChanges("file:2", Instant.now());
        sync = new FamilySync(rules, FILE_DATE, changes);

        sync.applyMember(m, member(LocalDate.of(2026, 10, 15)));

        assertThat(m.status).isEqualTo("LEFT");
        assertThat(m.beneficiaries).allSatisfy(b -> {
            assertThat(b.status).isEqualTo("ENDED");
            assertThat(b.coverEnd).isEqualTo(LocalDate.of(2026, 10, 15));
        });
        assertThat(changes.movements).extracting(Movement::type).containsExactly(Movement.RETRAIT, Movement.RETRAIT);
        assertThat(m.cards.get(0).status).isEqualTo("TO_REVOKE");
    }

    @Test
    void aDependantAddedToAFamilyWithAPrintedCardGetsTheCardReissued() {
        MemberState m = sync.applyMember(null, member(null));
        m.cards.get(0).status = "ISSUED";
        changes = new MembershipChanges("file:2", Instant.now());
        sync = new FamilySync(rules, FILE_DATE, changes);

        sync.applyDependant(m, child(10, LocalDate.of(2026, 10, 20), false, false));

        assertThat(m.beneficiary(10).coverStart).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(m.cards).extracting(c -> c.status).containsExactly("TO_REVOKE", "TO_ISSUE");
        assertThat(m.cards.get(1).reason).isEqualTo("FAMILY_CHANGE");
        assertThat(changes.movements).extracting(Movement::type).containsExactly(Movement.INCORPORATION);
    }

    @Test
    void anUnchangedLineChangesNothing() {
        MemberState m = sync.applyMember(null, member(null));
        changes = new MembershipChanges("file:2", Instant.now());
        sync = new FamilySync(rules, FILE_DATE, changes);
        sync.applyMember(m, member(null));
        assertThat(changes.isEmpty()).isTrue();
    }

    @Test
    void aLeaverHiredAgainIsIncorporatedAgainWithANewCard() {
        MemberState m = sync.applyMember(null, member(LocalDate.of(2025, 1, 31)));
        assertThat(m.status).isEqualTo("LEFT");
        changes = new MembershipChanges("file:2", Instant.now());
        sync = new FamilySync(rules, FILE_DATE, changes);

        sync.applyMember(m, member(null));

        assertThat(m.status).isEqualTo("ACTIVE");
        assertThat(m.beneficiary(0).status).isEqualTo("ACTIVE");
        assertThat(changes.movements).extracting(Movement::type).containsExactly(Movement.INCORPORATION);
        assertThat(m.cards).extracting(c -> c.reason).containsExactly("REHIRED");
    }

    @Test
    void aLineEndsCoverWhenItGivesOrBringsForwardALeaveDateWithdrawsOrShortensAChildsCover() {
        MemberState m = sync.applyMember(null, member(null));
        sync.applyDependant(m, child(10, LocalDate.of(2003, 6, 15), true, false));
        assertThat(sync.endsCover(m, member(null))).as("the same line again").isFalse();
        assertThat(sync.endsCover(m, member(LocalDate.of(2026, 10, 15)))).as("a past leave date").isTrue();
        assertThat(sync.endsCover(m, member(LocalDate.of(2027, 3, 31)))).as("a leave date to come").isTrue();
        assertThat(sync.endsCover(m, withdrawal(member(null)))).isTrue();
        assertThat(sync.endsCover(m, child(10, LocalDate.of(2003, 6, 15), true, false))).isFalse();
        assertThat(sync.endsCover(m, child(10, LocalDate.of(2003, 6, 15), false, false))).as("no longer a student: 21").isTrue();
        assertThat(sync.endsCover(m, withdrawal(child(10, LocalDate.of(2003, 6, 15), true, false)))).isTrue();
        assertThat(sync.endsCover(m, child(11, LocalDate.of(2020, 1, 1), false, false))).as("a new child").isFalse();
        assertThat(sync.endsCover(null, member(LocalDate.of(2026, 10, 15)))).as("a new member who already left").isFalse();

        sync.applyMember(m, member(LocalDate.of(2027, 3, 31)));
        assertThat(sync.endsCover(m, member(LocalDate.of(2027, 3, 31)))).as("the leave date already known").isFalse();
        assertThat(sync.endsCover(m, member(LocalDate.of(2027, 6, 30)))).as("a later leave date").isFalse();
        assertThat(sync.endsCover(m, member(LocalDate.of(2027, 1, 31)))).as("an earlier one").isTrue();

        sync.applyMember(m, member(LocalDate.of(2026, 10, 15)));
        assertThat(m.status).isEqualTo("LEFT");
        assertThat(sync.endsCover(m, withdrawal(member(null)))).as("a leaver has no cover to end").isFalse();
    }

    static HrRecord withdrawal(HrRecord r) {
        return new HrRecord(r.lineNo(), r.matricule(), r.rank(), r.relationship(), r.lastName(), r.firstName(), r.birthDate(),
                r.gender(), r.nationalId(), r.hireDate(), r.leaveDate(), r.unitCode(), r.bankAccount(), r.phone(), r.email(),
                r.student(), r.disabled(), r.coverStart(), HrAction.REMOVE);
    }

    static HrRecord member(LocalDate leaveDate) {
        return new HrRecord(2, "004512", 0, Relationship.MEMBER, "BEN SALAH", "Mohamed", LocalDate.of(1978, 5, 14),
                "MALE", "01234567", LocalDate.of(2010, 3, 1), leaveDate, "DEX-SFN", null, null, null, false, false,
                null, null);
    }

    static HrRecord child(int rank, LocalDate birth, boolean student, boolean disabled) {
        return new HrRecord(3, "004512", rank, Relationship.CHILD, "BEN SALAH", "Child" + rank, birth, "FEMALE",
                null, null, null, null, null, null, null, student, disabled, null, null);
    }
}
