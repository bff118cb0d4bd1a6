package com.countyleague.group;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    @Query("select m from Membership m where m.groupId = :groupId and m.personId = :personId and m.status in ('PENDING', 'WAITING', 'ACTIVE')")
    Optional<Membership> findCurrent(@Param("groupId") long groupId, @Param("personId") long personId);

    long countByGroupIdAndStatus(Long groupId, Membership.Status status);

    long countByGroupIdAndStatusAndRole(Long groupId, Membership.Status status, GroupRole role);

    List<Membership> findByGroupIdAndStatusOrderByRequestedAtAsc(Long groupId, Membership.Status status);

    @Query("select m from Membership m where m.groupId = :groupId and m.status = 'WAITING' order by m.waitingSince, m.id")
    List<Membership> waitingList(@Param("groupId") long groupId);

    @Query(value = "select m from Membership m where m.groupId = :groupId and m.status = 'ACTIVE' order by case when m.role is null then 1 else 0 end, m.role, m.joinedAt, m.id",
            countQuery = "select count(m) from Membership m where m.groupId = :groupId and m.status = 'ACTIVE'")
    Page<Membership> active(@Param("groupId") long groupId, Pageable pageable);

    /** Active members who have taken no part since the given moment (or joined before it and never took part). */
    @Query("select m from Membership m where m.groupId = :groupId and m.status = 'ACTIVE' and coalesce(m.lastSeenAt, m.joinedAt) < :since order by coalesce(m.lastSeenAt, m.joinedAt)")
    List<Membership> inactiveSince(@Param("groupId") long groupId, @Param("since") Instant since);

    @Query("select m.role, count(m) from Membership m where m.groupId = :groupId and m.status = 'ACTIVE' and m.role is not null group by m.role")
    List<Object[]> countRoles(@Param("groupId") long groupId);

    List<Membership> findByPersonIdOrderByRequestedAtDesc(Long personId);

    @Query("select m.personId from Membership m where m.groupId = :groupId and m.status = 'ACTIVE' order by m.joinedAt, m.id")
    List<Long> activeIds(@Param("groupId") long groupId);

    /** Groups where the person holds a core role now: the ones they run. */
    @Query("select m.groupId from Membership m where m.personId = :personId and m.status = 'ACTIVE' and m.role is not null")
    List<Long> groupsRunBy(@Param("personId") long personId);

    @Query("select m.groupId, count(m) from Membership m where m.groupId in :groupIds and m.status = 'ACTIVE' group by m.groupId")
    List<Object[]> countActive(@Param("groupIds") Collection<Long> groupIds);

    List<Membership> findByGroupIdAndPersonIdOrderByRequestedAtAsc(Long groupId, Long personId);

    List<Membership> findByGroupIdAndPersonIdIn(Long groupId, Collection<Long> personIds);
}
