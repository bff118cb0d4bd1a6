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

    /** The venues of these units, Youth Homes first. */
    @Query("""
            select v from Venue v where v.organizationId in :units
            order by case when v.kind in ('YOUTH_HOME_FLAGSHIP', 'YOUTH_HOME_FUNCTION') then 0 else 1 end, v.kind, v.name""")
    List<Venue> managedBy(@Param("units") List<Long> units);
}
