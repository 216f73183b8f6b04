package com.groupcare.hub.membership;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.groupcare.hub.common.Audit;

/** Everything one unit of work changes, gathered so it can be written in a few batches. */
final class MembershipChanges {

    final List<MemberState> insertedMembers = new ArrayList<>();
    final Set<MemberState> updatedMembers = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<BeneficiaryState> insertedBeneficiaries = new ArrayList<>();
    final Set<BeneficiaryState> updatedBeneficiaries = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<CardState, UUID> insertedCards = new IdentityHashMap<>();
    final Set<CardState> updatedCards = Collections.newSetFromMap(new IdentityHashMap<>());
    final List<Movement> movements = new ArrayList<>();
    final List<Audit> audits = new ArrayList<>();

    private final String actor;
    private final Instant now;

    MembershipChanges(String actor, Instant now) {
        this.actor = actor;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    void audit(String type, UUID id, String action, Map<String, Object> before, Map<String, Object> after) {
        audits.add(new Audit(type, id.toString(), action, actor, now, before, after));
    }

    boolean isEmpty() {
        return insertedMembers.isEmpty() && updatedMembers.isEmpty() && insertedBeneficiaries.isEmpty()
                && updatedBeneficiaries.isEmpty() && insertedCards.isEmpty() && updatedCards.isEmpty()
                && movements.isEmpty() && audits.isEmpty();
    }
}
