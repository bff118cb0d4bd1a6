package com.countyleague.venue;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VenueRepository extends JpaRepository<Venue, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.VENUE;
    }

    /** A venue belongs to the organisation that manages it. */
    @Override
    @Query("select v.organizationId from Venue v where v.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    @Query("select v from Venue v where v.organizationId in :units order by v.kind, v.name")
    List<Venue> managedBy(@Param("units") List<Long> units);
}
