package com.countyleague.venue;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.group.Groups;
import com.countyleague.member.DictionaryItem;
import com.countyleague.member.DictionaryKind;
import com.countyleague.member.Dictionaries;
import com.countyleague.member.People;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The venues staff manage and their bookings: staff who reach a venue book it outright; a group's
 * leader asks, and the venue's manager confirms or refuses. Opening hours and capacity are the
 * venue's; overlaps are the database's to refuse.
 */
@Service
public class Venues {

    /** Who asks for what: a time range on one day, for an activity or a group (or neither), how many come. */
    public record BookingRequest(LocalDateTime from, LocalDateTime to, Long activityId, Long groupId, String purpose, Integer attendees) {

        /** As a form sends it: a day and the hours on it (any of them missing: refused when booked). */
        public static BookingRequest on(LocalDate day, LocalTime from, LocalTime to, Long activityId, Long groupId, String purpose,
                                        Integer attendees) {
            return new BookingRequest(day == null || from == null ? null : day.atTime(from), day == null || to == null ? null : day.atTime(to),
                    activityId, groupId, purpose, attendees);
        }
    }

    public record VenueRow(Venue venue, String kindLabel, String managerName) {
    }

    /** A venue's week: Monday to Sunday, each day's bookings, and whether the caller manages the venue. */
    public record Week(Venue venue, String kindLabel, LocalDate monday, List<Day> days, boolean manager) {
    }

    public record Day(LocalDate day, List<Booking> bookings) {
    }

    private final VenueRepository venues;
    private final BookingRepository bookings;
    private final Dictionaries dictionaries;
    private final UnitLookup units;
    private final Groups groups;
    private final People people;
    private final Actors actors;
    private final Reach reach;
    private final Clock clock;

    Venues(VenueRepository venues, BookingRepository bookings, Dictionaries dictionaries, UnitLookup units, Groups groups,
           People people, Actors actors, Reach reach, Clock clock) {
        this.people = people;
        this.venues = venues;
        this.bookings = bookings;
        this.dictionaries = dictionaries;
        this.units = units;
        this.groups = groups;
        this.actors = actors;
        this.reach = reach;
        this.clock = clock;
    }

    /** The venues managed within the caller's reach. */
    @Transactional(readOnly = true)
    public List<VenueRow> inReach() {
        Actor actor = actors.current();
        actor.requireStaff();
        List<Long> reached = units.subtreeIds(actor.scopePrefix());
        List<Venue> found = venues.managedBy(reached.isEmpty() ? List.of(-1L) : reached);
        Map<Long, Organization> managers = units.organizations(found.stream().map(Venue::getOrganizationId).collect(Collectors.toSet()));
        Dictionaries.Snapshot kinds = dictionaries.snapshot();
        return found.stream().map(v -> new VenueRow(v, kinds.label(DictionaryKind.VENUE_KIND, v.getKind()),
                managers.get(v.getOrganizationId()).getName())).toList();
    }

    /** What a member sees on their phone: the venues that serve their unit, and their own booking requests. */
    public record MyVenues(List<VenueRow> venues, List<Booking> mine) {
    }

    @Transactional(readOnly = true)
    public MyVenues mine() {
        Actor actor = actors.current();
        List<Venue> serving = serving(actor.requirePerson());
        Map<Long, Organization> managers = units.organizations(serving.stream().map(Venue::getOrganizationId).collect(Collectors.toSet()));
        Dictionaries.Snapshot kinds = dictionaries.snapshot();
        return new MyVenues(serving.stream().map(v -> new VenueRow(v, kinds.label(DictionaryKind.VENUE_KIND, v.getKind()),
                managers.get(v.getOrganizationId()).getName())).toList(), bookings.findTop20ByRequestedByOrderByStartsAtDesc(actor.username()));
    }

    public List<DictionaryItem> kinds() {
        return dictionaries.snapshot().enabled(DictionaryKind.VENUE_KIND);
    }

    @Transactional(readOnly = true)
    public Venue settings(long id) {
        reach.require(Reach.Target.VENUE, id);
        return find(id);
    }

    @Transactional
    public long create(Venue.Details details) {
        return venues.save(new Venue(checked(details), clock.instant())).getId();
    }

    @Transactional
    public void update(long id, Venue.Details details) {
        reach.require(Reach.Target.VENUE, id);
        find(id).apply(checked(details));
    }

    /** A venue's week from the Monday of the given day (of today when none is given). */
    @Transactional(readOnly = true)
    public Week week(long id, LocalDate anyDay) {
        Venue venue = find(id);
        boolean manager = requireVisible(venue);
        LocalDate monday = (anyDay == null ? LocalDate.now(clock) : anyDay).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Booking> week = bookings.during(id, start(monday), start(monday.plusDays(7)));
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            Instant from = start(day);
            Instant to = start(day.plusDays(1));
            days.add(new Day(day, week.stream().filter(b -> b.getStartsAt().isBefore(to) && b.getEndsAt().isAfter(from)).toList()));
        }
        return new Week(venue, dictionaries.snapshot().label(DictionaryKind.VENUE_KIND, venue.getKind()), monday, days, manager);
    }

    /**
     * Books a venue: confirmed at once for staff who reach it, asked for by a group's leader for their
     * group. Refused outside the opening hours, beyond the capacity, in the past, and where a confirmed
     * booking overlaps (by the database, whoever comes second).
     */
    @Transactional
    public long book(long venueId, BookingRequest request) {
        Actor actor = actors.current();
        Venue venue = find(venueId);
        boolean manager = reach.reaches(Reach.Target.VENUE, venueId);
        if (request.activityId() != null) {
            reach.require(Reach.Target.ACTIVITY, request.activityId());
        }
        if (request.groupId() != null && !groups.runs(request.groupId())) {
            throw new AccessDeniedException("Group " + request.groupId() + " is not run by " + actor.username());
        }
        // others ask: a group's leader for their group, a member for themselves, at a venue of their
        // group's or their own unit or of a unit above it
        Long askingFor = request.groupId() != null ? groups.byIds(List.of(request.groupId())).get(request.groupId()).getHostOrgId()
                : actor.personId() != null ? people.visible(actor.personId()).getOrganizationId() : null;
        if (!manager && (askingFor == null || !serves(venue, askingFor))) {
            reach.require(Reach.Target.VENUE, venueId);
        }
        if (request.from() == null || request.to() == null || !request.from().toLocalDate().equals(request.to().toLocalDate())
                || !venue.open(request.from().toLocalTime(), request.to().toLocalTime())) {
            throw new RuleViolationException("to", "booking.hours", venue.getOpensAt(), venue.getClosesAt());
        }
        Instant from = request.from().atZone(clock.getZone()).toInstant();
        if (from.isBefore(clock.instant())) {
            throw new RuleViolationException("from", "booking.past");
        }
        if (request.attendees() == null || request.attendees() < 1 || request.attendees() > venue.getCapacity()) {
            throw new RuleViolationException("attendees", "booking.capacity", venue.getCapacity());
        }
        if (request.purpose() == null || request.purpose().isBlank() || request.purpose().strip().length() > 200) {
            throw new RuleViolationException("purpose", "booking.purpose");
        }
        Booking booking = new Booking(venueId, from, request.to().atZone(clock.getZone()).toInstant(), request.activityId(),
                request.groupId(), request.purpose().strip(), request.attendees(), manager, actor.username(), clock.instant());
        return saved(booking).getId();
    }

    /** The venue's manager confirms a request (refused if it now overlaps a confirmed booking) or refuses it. */
    @Transactional
    public void decide(long bookingId, boolean confirm) {
        Booking booking = bookings.findById(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        reach.require(Reach.Target.VENUE, booking.getVenueId());
        booking.decide(confirm, actors.current().username());
        saved(booking);
    }

    @Transactional
    public void cancel(long bookingId) {
        Booking booking = bookings.findById(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        reach.require(Reach.Target.VENUE, booking.getVenueId());
        booking.cancel(actors.current().username());
    }

    /** Writes at once, so that an overlap the database refuses reads as a refusal with the reason. */
    private Booking saved(Booking booking) {
        try {
            return bookings.saveAndFlush(booking);
        } catch (DataIntegrityViolationException e) {
            if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("venue_booking_no_overlap")) {
                throw new RuleViolationException("from", "booking.overlap");
            }
            throw e;
        }
    }

    private Venue.Details checked(Venue.Details d) {
        actors.current().requireStaff();
        if (d.organizationId() == null) {
            throw new RuleViolationException("organizationId", "venue.manager.required");
        }
        reach.requireOrganization(d.organizationId());
        if (d.kind() == null || !dictionaries.snapshot().accepts(DictionaryKind.VENUE_KIND, d.kind())) {
            throw new RuleViolationException("kind", "venue.kind.invalid");
        }
        return d;
    }

    /** The venues that serve a person: those of their unit and of the units above it. */
    public List<Venue> serving(long personId) {
        List<Long> path = units.organization(people.visible(personId).getOrganizationId()).map(Organization::pathIds).orElse(List.of());
        return path.isEmpty() ? List.of() : venues.managedBy(path);
    }

    /**
     * Refuses a caller who neither manages the venue nor runs a group it serves; answers whether the
     * caller manages it.
     */
    @Transactional(readOnly = true)
    public boolean requireVisible(long venueId) {
        return requireVisible(find(venueId));
    }

    private boolean requireVisible(Venue venue) {
        boolean manager = reach.reaches(Reach.Target.VENUE, venue.getId());
        if (!manager && groups.run().stream().noneMatch(g -> serves(venue, g.getHostOrgId()))) {
            reach.require(Reach.Target.VENUE, venue.getId());
        }
        return manager;
    }

    /** Whether a venue is managed by the unit or by one above it: the venues a group of that unit may ask for. */
    private boolean serves(Venue venue, long unitId) {
        return units.organization(unitId).map(u -> u.getPath().contains("/" + venue.getOrganizationId() + "/")).orElse(false);
    }

    private Venue find(long id) {
        return venues.findById(id).orElseThrow(() -> new NotFoundException("venue", id));
    }

    private Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }
}
