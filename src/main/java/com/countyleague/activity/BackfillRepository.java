package com.countyleague.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BackfillRepository extends JpaRepository<Backfill, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from Backfill b where b.id = :id")
    Optional<Backfill> lock(@Param("id") long id);

    boolean existsByActivityIdAndPersonIdAndStatus(long activityId, long personId, Backfill.Status status);

    List<Backfill> findByPersonIdOrderByCreatedAtDesc(long personId);

    /** The waiting back-fills of activities hosted by these units, oldest first. */
    @Query("select b from Backfill b where b.status = com.countyleague.activity.Backfill.Status.PENDING and b.activityId in "
            + "(select a.id from Activity a where a.hostOrgId in :hosts) order by b.createdAt")
    List<Backfill> pendingFor(@Param("hosts") Collection<Long> hostIds);

    @Query("""
            select count(b) from Backfill b where b.personId = :personId and b.status = com.countyleague.activity.Backfill.Status.PENDING
              and b.checkedInAt >= :from and b.checkedInAt < :to""")
    long pendingOf(@Param("personId") long personId, @Param("from") Instant from, @Param("to") Instant to);
}
