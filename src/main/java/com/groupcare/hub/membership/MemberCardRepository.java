package com.groupcare.hub.membership;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface MemberCardRepository extends JpaRepository<MemberCard, UUID> {

    List<MemberCard> findByMemberIdOrderByCardNumber(UUID memberId);
}
