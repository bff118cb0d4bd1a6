package com.countyleague.council;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VisitorEntryRepository extends JpaRepository<VisitorEntry, Long> {

    List<VisitorEntry> findTop100ByPointIdOrderByVisitedOnDescIdDesc(long pointId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from VisitorEntry v where v.id = :id")
    Optional<VisitorEntry> lock(@Param("id") long id);
}
