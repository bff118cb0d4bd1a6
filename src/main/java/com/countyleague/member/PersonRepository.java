package com.countyleague.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends JpaRepository<Person, Long> {

    /**
     * Like findAllById, but one id is loaded by id: an in-list query is translated anew on every call,
     * since its SQL depends on the list's length, and most callers (a page about one person) ask for one.
     */
    default List<Person> findAllByIds(Collection<Long> ids) {
        Long only = ids.size() == 1 ? ids.iterator().next() : null;
        return only != null ? findById(only).map(List::of).orElseGet(List::of) : findByIdIn(ids);
    }

    List<Person> findByIdIn(Collection<Long> ids);

    @Query("select p.id from Person p where p.idNumberHash = :hash")
    Optional<Long> findIdByIdNumberHash(@Param("hash") String hash);

    @Query("select p from Person p where p.idNumberHash in :hashes")
    List<Person> findByIdNumberHashIn(@Param("hashes") Collection<String> hashes);

    @Query("select p from Person p where p.buildingId = :buildingId and p.status = 'ACTIVE' order by p.ledger, p.name")
    List<Person> findActiveInBuilding(@Param("buildingId") long buildingId);

    /** League members of these units who have reached the retirement age: born on or before the day given. */
    @Query("""
            select p from Person p
            where p.organizationId in :organizationIds and p.ledger = 'LEAGUE_MEMBER' and p.status = 'ACTIVE'
              and p.birthDate <= :bornOnOrBefore
            order by p.organizationId, p.birthDate
            """)
    List<Person> findPastLeagueAge(@Param("organizationIds") Collection<Long> organizationIds,
                                   @Param("bornOnOrBefore") LocalDate bornOnOrBefore);
}
