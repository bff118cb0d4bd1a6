package com.countyleague.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;
import com.countyleague.web.ByIdsRepository;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PersonRepository extends ByIdsRepository<Person>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.PERSON;
    }

    /** A person belongs to their branch. */
    @Override
    @Query("select p.organizationId from Person p where p.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    @Query("select p.id from Person p where p.volunteerNumber = :number")
    Optional<Long> findIdByVolunteerNumber(@Param("number") String number);

    /** Who holds these volunteer numbers: number and person id. */
    @Query("select p.volunteerNumber, p.id from Person p where p.volunteerNumber in :numbers")
    List<Object[]> holdersOfVolunteerNumbers(@Param("numbers") Collection<String> numbers);

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
