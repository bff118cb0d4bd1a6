package com.countyleague.activity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AttendanceFlagRepository extends JpaRepository<AttendanceFlag, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from AttendanceFlag f where f.id = :id")
    Optional<AttendanceFlag> lock(@Param("id") long id);

    List<AttendanceFlag> findByAttendanceIdAndStatus(long attendanceId, AttendanceFlag.Status status);

    boolean existsByAttendanceIdAndRule(long attendanceId, AttendanceFlag.Rule rule);

    /** The open flags of attendances at activities of these hosts (or of every host), newest first. */
    @Query(nativeQuery = true, value = """
            select f.* from attendance_flag f join attendance t on t.id = f.attendance_id join activity a on a.id = t.activity_id
            where f.status = 'OPEN' and (:whole or a.host_org_id in (:hosts)) order by f.flagged_at desc limit 200""")
    List<AttendanceFlag> openFor(@Param("whole") boolean whole, @Param("hosts") Collection<Long> hosts);
}
