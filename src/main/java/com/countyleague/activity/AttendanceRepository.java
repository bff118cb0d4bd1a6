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

interface AttendanceRepository extends JpaRepository<Attendance, Long> {

    Optional<Attendance> findByActivityIdAndPersonId(long activityId, long personId);

    List<Attendance> findByActivityIdOrderByCheckedInAtAscIdAsc(long activityId);

    long countByActivityId(long activityId);

    /** The presence of a person at an activity, locked: signing out settles it once, however many ask at once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Attendance a where a.activityId = :activityId and a.personId = :personId")
    Optional<Attendance> lock(@Param("activityId") long activityId, @Param("personId") long personId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Attendance t where t.id = :id")
    Optional<Attendance> lockById(@Param("id") long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Attendance a where a.activityId = :activityId and a.confirmedAt is null order by a.id")
    List<Attendance> notCheckedOut(@Param("activityId") long activityId);

    @Query("select a from Attendance a where a.personId = :personId and a.serviceMinutes > 0 and a.checkedInAt >= :from and a.checkedInAt < :to order by a.checkedInAt")
    List<Attendance> withServiceOf(@Param("personId") long personId, @Param("from") Instant from, @Param("to") Instant to);

    @Query("select a from Attendance a where a.personId = :personId and a.activityId in :activityIds order by a.checkedInAt")
    List<Attendance> ofPersonIn(@Param("personId") long personId, @Param("activityIds") Collection<Long> activityIds);

    List<Attendance> findByPersonIdOrderByCheckedInAtDesc(long personId);

    /** Attendances of a person at a group's activities, with each activity's title: rows of [activity id, title, checked in, minutes]. */
    @Query("""
            select act.id, act.title, a.checkedInAt, a.serviceMinutes from Attendance a join Activity act on act.id = a.activityId
            where act.groupId = :groupId and a.personId = :personId order by a.checkedInAt desc
            """)
    List<Object[]> inGroup(@Param("groupId") long groupId, @Param("personId") long personId);
}
