package com.groupcare.hub.membership;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MemberRepository extends JpaRepository<Member, UUID> {

    Optional<Member> findByMatricule(String matricule);

    @Query("""
            select m from Member m
            where (:matricule = '' or m.matricule = :matricule)
              and (:namePrefix = '' or lower(m.lastName) like concat(:namePrefix, '%')
                                    or lower(m.firstName) like concat(:namePrefix, '%'))
              and (:anyUnit = true or m.unitCode in :units)
            order by m.matricule""")
    /** Empty strings mean "any"; namePrefix is lower case. */
    Page<Member> search(String matricule, String namePrefix, boolean anyUnit, Collection<String> units, Pageable page);
}
