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
            where (:matricule is null or m.matricule = :matricule)
              and (:name is null or lower(m.lastName) like lower(concat(:name, '%'))
                                 or lower(m.firstName) like lower(concat(:name, '%')))
              and (:anyUnit = true or m.unitCode in :units)
            order by m.matricule""")
    Page<Member> search(String matricule, String name, boolean anyUnit, Collection<String> units, Pageable page);
}
