package com.groupcare.hub.provider;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProviderRepository extends JpaRepository<Provider, String> {

    Optional<Provider> findByCode(String code);

    /**
     * Null specialty and null conventioned mean "any"; conventioned = convention in force on {@code day}
     * (same rule as {@link Provider#conventionedOn}); nameLike is a lower-case LIKE pattern, '%' for any.
     */
    @Query("""
            select p from Provider p
            where (:specialty is null or p.specialty = :specialty)
              and lower(p.name) like :nameLike
              and (:conventioned is null
                   or (:conventioned = true and p.conventioned = true and p.conventionStart <= :day
                       and (p.conventionEnd is null or p.conventionEnd >= :day))
                   or (:conventioned = false and (p.conventioned = false or p.conventionStart > :day
                                                  or p.conventionEnd < :day)))
            order by p.code""")
    Page<Provider> search(Specialty specialty, Boolean conventioned, LocalDate day, String nameLike, Pageable page);
}
