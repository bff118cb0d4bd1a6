package com.countyleague.volunteer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnavailabilityRepository extends JpaRepository<Unavailability, Long> {

    @Query("select u from Unavailability u where u.personId in :personIds and u.toDay >= :from and u.fromDay <= :to")
    List<Unavailability> overlapping(@Param("personIds") Collection<Long> personIds, @Param("from") LocalDate from,
                                     @Param("to") LocalDate to);

    @Query("select u from Unavailability u where u.personId = :personId and u.toDay >= :from order by u.fromDay")
    List<Unavailability> ofPersonFrom(@Param("personId") long personId, @Param("from") LocalDate from);
}
