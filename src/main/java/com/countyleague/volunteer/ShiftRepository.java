package com.countyleague.volunteer;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ShiftRepository extends JpaRepository<Shift, Long> {

    List<Shift> findByPostIdAndDayBetweenOrderByDayAscSlotNoAscIdAsc(long postId, LocalDate from, LocalDate to);

    /** Shifts of a post still to be confirmed that should have been kept by now. */
    @Query("select s from Shift s where s.postId = :postId and s.status = 'SCHEDULED' and s.day <= :day order by s.day, s.slotNo, s.id")
    List<Shift> toConfirm(@Param("postId") long postId, @Param("day") LocalDate day);

    @Modifying
    @Query("delete from Shift s where s.postId = :postId and s.status = 'SCHEDULED' and s.day >= :from and s.day < :to")
    int deleteScheduled(@Param("postId") long postId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("select s.personId, count(s) from Shift s where s.postId = :postId and s.day < :before group by s.personId")
    List<Object[]> countsBefore(@Param("postId") long postId, @Param("before") LocalDate before);

    boolean existsByPostId(long postId);

    @Query("select s from Shift s where s.personId = :personId and s.day >= :from order by s.day, s.slotNo")
    List<Shift> ofPersonFrom(@Param("personId") long personId, @Param("from") LocalDate from);

    @Query("select s from Shift s where s.personId = :personId and s.status = 'COMPLETED' and s.day >= :from and s.day <= :to order by s.day")
    List<Shift> keptBy(@Param("personId") long personId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    @Query("select s from Shift s where s.postId in :postIds and s.status = 'SCHEDULED' and s.day >= :from order by s.day, s.slotNo")
    List<Shift> scheduledFrom(@Param("postIds") Collection<Long> postIds, @Param("from") LocalDate from);
}
