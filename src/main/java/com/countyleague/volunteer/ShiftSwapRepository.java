package com.countyleague.volunteer;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ShiftSwapRepository extends JpaRepository<ShiftSwap, Long> {

    @Query("select w from ShiftSwap w where w.status = 'PENDING' and w.shiftId in (select s.id from Shift s where s.postId = :postId) order by w.requestedAt")
    List<ShiftSwap> pendingAt(@Param("postId") long postId);

    List<ShiftSwap> findByRequestedByOrWithPersonIdOrderByRequestedAtDesc(long requestedBy, long withPersonId);

    boolean existsByShiftIdInAndStatus(Collection<Long> shiftIds, ShiftSwap.Status status);
}
