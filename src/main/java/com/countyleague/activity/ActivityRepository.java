package com.countyleague.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ActivityRepository extends JpaRepository<Activity, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.ACTIVITY;
    }

    /** An activity belongs to its host organisation (a group's activity to the group's host). */
    @Override
    @Query("select a.hostOrgId from Activity a where a.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    /** The activity, locked: sign-ups of one activity happen one at a time, so its capacity holds. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Activity a where a.id = :id")
    Optional<Activity> lock(@Param("id") long id);

    /** Activities of these hosts (all when {@code allHosts}) or of these groups, newest first. */
    @Query("""
            select a from Activity a
            where (:allHosts = true or a.hostOrgId in :hosts or a.groupId in :groups)
              and (:type is null or a.type = :type)
              and (:groupId is null or a.groupId = :groupId)
              and (:text is null or lower(a.title) like :text)
              and a.startsAt >= :from and a.startsAt < :to
            order by a.startsAt desc, a.id desc
            """)
    Page<Activity> search(@Param("allHosts") boolean allHosts, @Param("hosts") Collection<Long> hosts,
                          @Param("groups") Collection<Long> groups, @Param("type") Activity.Type type, @Param("groupId") Long groupId,
                          @Param("text") String text, @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);

    /** Published activities still to come of these hosts (outside groups) and of these groups. */
    @Query("""
            select a from Activity a
            where a.status = 'PUBLISHED' and a.endsAt > :now and a.startsAt < :until
              and ((a.groupId is null and a.hostOrgId in :hosts) or a.groupId in :groups)
            order by a.startsAt, a.id
            """)
    List<Activity> upcoming(@Param("now") Instant now, @Param("until") Instant until, @Param("hosts") Collection<Long> hosts,
                            @Param("groups") Collection<Long> groups, Pageable pageable);

    /** Published offline activities whose check-in or sign-out window contains this moment. */
    @Query("""
            select a from Activity a
            where a.status = 'PUBLISHED' and a.mode = 'OFFLINE'
              and a.startsAt <= :latestStart and a.endsAt >= :earliestEnd
            """)
    List<Activity> withOpenWindows(@Param("latestStart") Instant latestStart, @Param("earliestEnd") Instant earliestEnd);

    List<Activity> findByIdIn(Collection<Long> ids);

    @Query("""
            select a from Activity a where a.groupId = :groupId and a.type = :type and a.status <> com.countyleague.activity.Activity.Status.DRAFT
              and a.startsAt >= :from and a.startsAt < :to order by a.startsAt""")
    List<Activity> ofGroup(@Param("groupId") long groupId, @Param("type") Activity.Type type, @Param("from") Instant from,
                           @Param("to") Instant to);
}
