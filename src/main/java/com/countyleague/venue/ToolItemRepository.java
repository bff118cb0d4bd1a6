package com.countyleague.venue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ToolItemRepository extends JpaRepository<ToolItem, Long> {

    List<ToolItem> findByVenueIdOrderByName(long venueId);

    List<ToolItem> findByVenueIdInOrderByName(Collection<Long> venueIds);

    boolean existsByVenueIdAndName(long venueId, String name);

    /** The item, locked: loans of it are counted against its quantity one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from ToolItem i where i.id = :id")
    Optional<ToolItem> lock(@Param("id") long id);
}
