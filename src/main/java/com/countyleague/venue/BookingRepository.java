package com.countyleague.venue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BookingRepository extends JpaRepository<Booking, Long> {

    List<Booking> findTop20ByRequestedByOrderByStartsAtDesc(String requestedBy);

    /** The bookings of a venue that touch a period, those that still count, in order. */
    @Query("""
            select b from Booking b where b.venueId = :venue and b.startsAt < :to and b.endsAt > :from
              and b.status in (com.countyleague.venue.Booking.Status.REQUESTED, com.countyleague.venue.Booking.Status.CONFIRMED)
            order by b.startsAt""")
    List<Booking> during(@Param("venue") long venueId, @Param("from") Instant from, @Param("to") Instant to);
}
