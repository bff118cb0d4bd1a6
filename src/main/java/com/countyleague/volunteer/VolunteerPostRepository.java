package com.countyleague.volunteer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VolunteerPostRepository extends JpaRepository<VolunteerPost, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.POST;
    }

    /** A post belongs to its host organisation. */
    @Override
    @Query("select p.hostOrgId from VolunteerPost p where p.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    /** The post, locked: a roster is generated or changed one request at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from VolunteerPost p where p.id = :id")
    Optional<VolunteerPost> lock(@Param("id") long id);

    @Query("select p from VolunteerPost p where :all = true or p.hostOrgId in :hosts or p.teamGroupId in :teams order by p.status, p.name")
    List<VolunteerPost> within(@Param("all") boolean all, @Param("hosts") Collection<Long> hosts, @Param("teams") Collection<Long> teams);

    List<VolunteerPost> findByIdIn(Collection<Long> ids);
}
