package com.countyleague.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer posts and their rotation rosters. Staff reaching a post's host set it up; the staff and
 * whoever runs its team generate rosters, decide swaps and confirm shifts; members state the days
 * they cannot serve and ask for swaps. Roster changes of a post take its row lock.
 */
@Service
public class Rosters {

    static final int MAX_WEEKS = 12;
    static final int DAYS_SHOWN = 14;

    private final VolunteerPostRepository posts;
    private final ShiftRepository shifts;
    private final UnavailabilityRepository unavailabilities;
    private final ShiftSwapRepository swaps;
    private final Groups groups;
    private final People people;
    private final Notifications notifications;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rosters(VolunteerPostRepository posts, ShiftRepository shifts, UnavailabilityRepository unavailabilities,
            ShiftSwapRepository swaps, Groups groups, People people, Notifications notifications, UnitLookup units, Actors actors,
            Reach reach, ApplicationEventPublisher events, Clock clock) {
        this.posts = posts;
        this.shifts = shifts;
        this.unavailabilities = unavailabilities;
        this.swaps = swaps;
        this.groups = groups;
        this.people = people;
        this.notifications = notifications;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.events = events;
        this.clock = clock;
    }

    public record PostRow(VolunteerPost post, String hostName, String compoundName, String teamName) {
    }

    public record ShiftRow(Shift shift, String personName) {
    }

    public record SlotDay(VolunteerPost.Slot slot, List<ShiftRow> shifts) {
    }

    public record RosterDay(LocalDate day, List<SlotDay> slots) {
    }

    public record SwapRow(ShiftSwap swap, Shift shift, Shift withShift, String requesterName, String withName) {
    }

    /** A post's roster for two weeks from a day, with what waits for its leader. */
    public record RosterPage(PostRow post, LocalDate from, List<RosterDay> days, List<ShiftRow> toConfirm,
                             List<SwapRow> pendingSwaps, Map<String, Long> countsShown, boolean staff) {
    }

    /** What a generation did: shifts planned, over how many members, the fewest and most per member, places left empty. */
    public record Generated(int shifts, int members, int fewest, int most, int unfilled) {
    }

    public record Choices(List<Organization> hosts, List<Compound> compounds, List<CommunityGroup> teams) {
    }

    /** A member's shift, with the teammates and their shifts they could swap with. */
    public record MyShift(Shift shift, VolunteerPost post, VolunteerPost.Slot slot, List<PersonCard> teammates,
                          List<ShiftRow> teammateShifts, boolean swapPending) {
    }

    public record MyRoster(List<MyShift> upcoming, List<Unavailability> unavailable, List<SwapRow> swaps) {
    }

    /** A kept shift, for a person's service record. */
    public record Kept(Shift shift, String postName, long hostOrgId) {
    }

    // --- posts ---

    @Transactional(readOnly = true)
    public List<PostRow> posts() {
        Actor actor = actors.current();
        List<Long> teams = groups.run().stream().map(CommunityGroup::getId).toList();
        boolean staff = actor.isStaff();
        if (!staff && teams.isEmpty()) {
            throw new AccessDeniedException("Keeps no volunteer posts: " + actor.username());
        }
        List<Long> hosts = staff && !actor.isCountyAdmin() ? units.subtreeIds(actor.scopePrefix()) : List.of();
        return rows(posts.within(staff && actor.isCountyAdmin(), orNone(hosts), orNone(teams)));
    }

    @Transactional(readOnly = true)
    public Choices choices() {
        Actor actor = requireStaff();
        List<Organization> hosts = units.subtree(actor.scopePrefix()).stream().filter(o -> o.getType() != OrganizationType.GROUP).toList();
        List<Long> branches = hosts.stream().filter(o -> o.getType().isBranch()).map(Organization::getId).toList();
        return new Choices(hosts, branches.isEmpty() ? List.of() : units.compoundsWithin(branches), groups.inReach());
    }

    @Transactional
    public long create(VolunteerPost.Details details) {
        requireStaff();
        // flushed at once: its slots must exist before any shift refers to them in the same transaction
        return posts.saveAndFlush(new VolunteerPost(checked(details), clock.instant())).getId();
    }

    @Transactional
    public void update(long id, VolunteerPost.Details details) {
        requireStaff();
        VolunteerPost post = lock(id);
        reach.requireOrganization(post.getHostOrgId());
        post.apply(checked(details), !shifts.existsByPostId(id));
    }

    @Transactional(readOnly = true)
    public VolunteerPost settings(long id) {
        requireStaff();
        VolunteerPost post = find(id);
        reach.requireOrganization(post.getHostOrgId());
        return post;
    }

    // --- running a roster ---

    @Transactional(readOnly = true)
    public RosterPage roster(long id, LocalDate from) {
        VolunteerPost post = managed(find(id));
        LocalDate to = from.plusDays(DAYS_SHOWN - 1);
        List<Shift> shown = shifts.findByPostIdAndDayBetweenOrderByDayAscSlotNoAscIdAsc(id, from, to);
        List<Shift> open = shifts.toConfirm(id, today()).stream().filter(this::isOver).toList();
        List<ShiftSwap> pending = swaps.pendingAt(id);
        Map<Long, Shift> swapShifts = shiftsOf(pending);
        Set<Long> personIds = new HashSet<>();
        shown.forEach(s -> personIds.add(s.getPersonId()));
        open.forEach(s -> personIds.add(s.getPersonId()));
        pending.forEach(w -> {
            personIds.add(w.getRequestedBy());
            personIds.add(w.getWithPersonId());
        });
        // the team's core knows its people by name; staff see in full only the people of their reach
        Map<Long, PersonCard> cards = people.cards(personIds, groups.leads(post.getTeamGroupId()) ? personIds : Set.of());
        List<RosterDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            LocalDate d = day;
            days.add(new RosterDay(day, post.getSlots().stream().map(slot -> new SlotDay(slot, shown.stream()
                    .filter(s -> s.getDay().equals(d) && s.getSlotNo() == slot.slotNo())
                    .map(s -> new ShiftRow(s, nameOf(cards, s.getPersonId()))).toList())).toList()));
        }
        Map<String, Long> counts = shown.stream().collect(Collectors.groupingBy(s -> nameOf(cards, s.getPersonId()),
                TreeMap::new, Collectors.counting()));
        return new RosterPage(rows(List.of(post)).get(0), from, days,
                open.stream().map(s -> new ShiftRow(s, nameOf(cards, s.getPersonId()))).toList(),
                pending.stream().map(w -> swapRow(w, swapShifts, cards)).toList(), counts, reach.organization(post.getHostOrgId()));
    }

    /**
     * Plans the team over {@code weeks} weeks from {@code from} (today or later): shifts still to come in
     * that span are planned afresh, kept and missed ones and everything before today stay as they are.
     */
    @Transactional
    public Generated generate(long id, LocalDate from, int weeks) {
        VolunteerPost post = managed(lock(id));
        if (!post.isActive()) {
            throw RuleViolationException.of("roster.closed");
        }
        if (from == null || from.isBefore(today())) {
            throw new RuleViolationException("from", "roster.from.past");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new RuleViolationException("weeks", "roster.weeks.range", MAX_WEEKS);
        }
        List<Long> team = groups.activeMembers(post.getTeamGroupId());
        if (team.isEmpty()) {
            throw RuleViolationException.of("roster.no-members");
        }
        LocalDate until = from.plusWeeks(weeks);
        shifts.deleteScheduled(id, from, until);
        shifts.flush();
        Set<String> taken = new HashSet<>();
        shifts.findByPostIdAndDayBetweenOrderByDayAscSlotNoAscIdAsc(id, from, until.minusDays(1))
                .forEach(s -> taken.add(s.getDay() + "/" + s.getSlotNo()));
        List<RosterPlan.Need> needs = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            for (VolunteerPost.Slot slot : post.getSlots()) {
                if (!taken.contains(day + "/" + slot.slotNo())) {
                    needs.add(new RosterPlan.Need(day, slot.slotNo()));
                }
            }
        }
        List<Unavailability> away = unavailabilities.overlapping(team, from, until);
        Map<Long, Long> before = new HashMap<>();
        shifts.countsBefore(id, from).forEach(r -> before.put((Long) r[0], (Long) r[1]));
        RosterPlan.Plan plan = RosterPlan.make(needs, team, post.getPeoplePerShift(),
                (person, day) -> away.stream().noneMatch(u -> u.getPersonId().equals(person) && u.covers(day)), before);
        List<Shift> planned = new ArrayList<>();
        plan.assignments().forEach((need, persons) -> persons.forEach(p -> planned.add(new Shift(id, need.day(), need.slotNo(), p))));
        shifts.saveAll(planned);
        Map<Long, Integer> counts = plan.counts();
        team.forEach(p -> counts.putIfAbsent(p, 0));
        counts.keySet().forEach(p -> notifications.tell(p, "roster.notice.generated", "/me/shifts", post.getName()));
        return new Generated(planned.size(), team.size(), counts.values().stream().min(Integer::compare).orElse(0),
                counts.values().stream().max(Integer::compare).orElse(0), plan.unfilled());
    }

    /** The leader confirms shifts that are over: kept (service time for the slot's length) or missed. */
    @Transactional
    public int confirm(long id, Collection<Long> shiftIds, boolean kept) {
        VolunteerPost post = managed(lock(id));
        String by = actors.current().username();
        Instant now = clock.instant();
        List<Shift> chosen = shifts.findAllById(shiftIds.stream().distinct().toList());
        for (Shift shift : chosen) {
            if (!shift.getPostId().equals(id)) {
                throw new AccessDeniedException("Shift " + shift.getId() + " is not at post " + id);
            }
            if (!isOver(shift)) {
                throw RuleViolationException.of("shift.not-over");
            }
            if (kept && isLate(shift)) {
                throw RuleViolationException.of("shift.confirm.late", LATE_AFTER.toDays());
            }
            int minutes = post.slot(shift.getSlotNo()).orElseThrow().minutes();
            shift.confirm(kept, minutes, by, now);
            if (kept) {
                events.publishEvent(new ShiftConfirmed(shift.getId(), id, post.getName(), shift.getPersonId(), shift.getDay(),
                        minutes, now));
            }
        }
        return chosen.size();
    }

    @Transactional
    public void decideSwap(long swapId, boolean approve) {
        ShiftSwap swap = swaps.findById(swapId).orElseThrow(() -> new NotFoundException("swap", swapId));
        Shift shift = shifts.findById(swap.getShiftId()).orElseThrow();
        VolunteerPost post = managed(lock(shift.getPostId()));
        swap.decide(approve, actors.current().username(), clock.instant());
        if (approve) {
            Shift other = swap.getWithShiftId() == null ? null : shifts.findById(swap.getWithShiftId()).orElseThrow();
            requireStillToCome(shift);
            if (other != null) {
                requireStillToCome(other);
            }
            requireFree(post, swap.getWithPersonId(), shift);
            if (other != null) {
                requireFree(post, swap.getRequestedBy(), other);
                other.handTo(swap.getRequestedBy());
            }
            shift.handTo(swap.getWithPersonId());
        }
        String key = approve ? "roster.notice.swap-approved" : "roster.notice.swap-rejected";
        notifications.tell(swap.getRequestedBy(), key, "/me/shifts", post.getName());
        if (approve) {
            notifications.tell(swap.getWithPersonId(), key, "/me/shifts", post.getName());
        }
    }

    // --- members ---

    @Transactional(readOnly = true)
    public MyRoster mine() {
        long personId = actors.current().requirePerson();
        LocalDate today = today();
        List<Shift> upcoming = shifts.ofPersonFrom(personId, today).stream().filter(Shift::isScheduled).toList();
        Map<Long, VolunteerPost> byId = posts.findByIdIn(orNone(upcoming.stream().map(Shift::getPostId).distinct().toList()))
                .stream().collect(Collectors.toMap(VolunteerPost::getId, p -> p));
        Map<Long, List<Long>> teams = new HashMap<>();
        byId.values().forEach(p -> teams.put(p.getId(), groups.activeMembers(p.getTeamGroupId()).stream()
                .filter(m -> m != personId).toList()));
        List<Shift> theirs = shifts.scheduledFrom(orNone(new ArrayList<>(byId.keySet())), today).stream()
                .filter(s -> s.getPersonId() != personId).toList();
        List<ShiftSwap> mySwaps = swaps.findByRequestedByOrWithPersonIdOrderByRequestedAtDesc(personId, personId).stream().limit(20).toList();
        Set<Long> personIds = new HashSet<>();
        teams.values().forEach(personIds::addAll);
        mySwaps.forEach(w -> {
            personIds.add(w.getRequestedBy());
            personIds.add(w.getWithPersonId());
        });
        // teammates know each other by name (a swap is asked of one); their mobiles stay masked
        Map<Long, PersonCard> cards = people.cards(personIds, personIds);
        Set<Long> pendingShifts = mySwaps.stream().filter(w -> w.getStatus() == ShiftSwap.Status.PENDING)
                .map(ShiftSwap::getShiftId).collect(Collectors.toSet());
        List<MyShift> mine = upcoming.stream().map(s -> {
            VolunteerPost post = byId.get(s.getPostId());
            return new MyShift(s, post, post.slot(s.getSlotNo()).orElseThrow(),
                    teams.get(post.getId()).stream().map(cards::get).filter(Objects::nonNull).toList(),
                    theirs.stream().filter(t -> t.getPostId().equals(post.getId())).limit(60)
                            .map(t -> new ShiftRow(t, nameOf(cards, t.getPersonId()))).toList(),
                    pendingShifts.contains(s.getId()));
        }).toList();
        return new MyRoster(mine, unavailabilities.ofPersonFrom(personId, today),
                mySwaps.stream().map(w -> swapRow(w, shiftsOf(List.of(w)), cards)).toList());
    }

    /** A member asks a teammate to take a shift of theirs, perhaps giving one of the teammate's in return. */
    @Transactional
    public long requestSwap(long shiftId, long withPersonId, Long withShiftId, String reason) {
        long personId = actors.current().requirePerson();
        Shift shift = shifts.findById(shiftId).filter(s -> s.getPersonId() == personId)
                .orElseThrow(() -> new NotFoundException("shift", shiftId));
        VolunteerPost post = lock(shift.getPostId());
        requireStillToCome(shift);
        if (withPersonId == personId || !groups.activeMembers(post.getTeamGroupId()).contains(withPersonId)) {
            throw new RuleViolationException("withPersonId", "swap.not-teammate");
        }
        if (withShiftId != null) {
            Shift other = shifts.findById(withShiftId).filter(s -> s.getPersonId() == withPersonId && s.getPostId().equals(post.getId()))
                    .orElseThrow(() -> new RuleViolationException("withShiftId", "swap.not-their-shift"));
            requireStillToCome(other);
        }
        if (swaps.existsByShiftIdInAndStatus(List.of(shiftId), ShiftSwap.Status.PENDING)) {
            throw RuleViolationException.of("swap.exists");
        }
        String why = reason == null || reason.isBlank() ? null : reason.trim();
        if (why != null && why.length() > 200) {
            throw new RuleViolationException("reason", "swap.reason.too-long", 200);
        }
        return swaps.save(new ShiftSwap(shiftId, personId, withPersonId, withShiftId, why, clock.instant())).getId();
    }

    @Transactional
    public void declareUnavailable(LocalDate from, LocalDate to, String note) {
        long personId = actors.current().requirePerson();
        if (from == null || to == null || to.isBefore(from)) {
            throw new RuleViolationException("to", "unavailable.range");
        }
        if (from.isBefore(today()) || to.isAfter(today().plusYears(1))) {
            throw new RuleViolationException("from", "unavailable.future");
        }
        String text = note == null || note.isBlank() ? null : note.trim();
        if (text != null && text.length() > 200) {
            throw new RuleViolationException("note", "unavailable.note.too-long", 200);
        }
        unavailabilities.save(new Unavailability(personId, from, to, text, clock.instant()));
    }

    @Transactional
    public void withdrawUnavailability(long id) {
        long personId = actors.current().requirePerson();
        Unavailability u = unavailabilities.findById(id).filter(x -> x.getPersonId() == personId)
                .orElseThrow(() -> new NotFoundException("unavailability", id));
        unavailabilities.delete(u);
    }

    // --- for other modules ---

    /** Shifts a person kept in a period; callers check that they may see the person. */
    @Transactional(readOnly = true)
    public List<Kept> keptBy(long personId, LocalDate from, LocalDate to) {
        List<Shift> kept = shifts.keptBy(personId, from, to);
        Map<Long, VolunteerPost> byId = posts.findByIdIn(orNone(kept.stream().map(Shift::getPostId).distinct().toList())).stream()
                .collect(Collectors.toMap(VolunteerPost::getId, p -> p));
        return kept.stream().map(s -> new Kept(s, byId.get(s.getPostId()).getName(), byId.get(s.getPostId()).getHostOrgId())).toList();
    }

    // --- rules ---

    /** Kept, confirmed this long after its day, a shift is a back-fill: evidence and the approval of the unit above ({@link LateShifts}). */
    static final Duration LATE_AFTER = Duration.ofDays(7);

    boolean isLate(Shift shift) {
        return shift.getDay().plusDays(LATE_AFTER.toDays()).isBefore(LocalDate.now(clock));
    }

    /** A post the caller keeps (staff reaching its host, or whoever runs its team), locked. */
    VolunteerPost managedPost(long id) {
        return managed(lock(id));
    }

    /** Confirms a kept shift once its late confirmation is approved. */
    void confirmKept(Shift shift, String by) {
        VolunteerPost post = posts.findById(shift.getPostId()).orElseThrow();
        int minutes = post.slot(shift.getSlotNo()).orElseThrow().minutes();
        Instant now = clock.instant();
        shift.confirm(true, minutes, by, now);
        events.publishEvent(new ShiftConfirmed(shift.getId(), post.getId(), post.getName(), shift.getPersonId(), shift.getDay(), minutes, now));
    }

    boolean isOver(Shift shift) {
        VolunteerPost post = posts.findById(shift.getPostId()).orElseThrow();
        LocalDateTime end = LocalDateTime.of(shift.getDay(), post.slot(shift.getSlotNo()).orElseThrow().endsAt());
        return !end.atZone(clock.getZone()).toInstant().isAfter(clock.instant());
    }

    private void requireStillToCome(Shift shift) {
        if (!shift.isScheduled() || shift.getDay().isBefore(today())) {
            throw RuleViolationException.of("swap.shift-past");
        }
    }

    private void requireFree(VolunteerPost post, long personId, Shift shift) {
        boolean already = shifts.findByPostIdAndDayBetweenOrderByDayAscSlotNoAscIdAsc(post.getId(), shift.getDay(), shift.getDay()).stream()
                .anyMatch(s -> s.getSlotNo() == shift.getSlotNo() && s.getPersonId() == personId);
        if (already) {
            throw RuleViolationException.of("swap.conflict");
        }
    }

    private VolunteerPost.Details checked(VolunteerPost.Details d) {
        if (d.hostOrgId() == null || units.organization(d.hostOrgId()).isEmpty()) {
            throw new RuleViolationException("hostOrgId", "post.host.required");
        }
        reach.requireOrganization(d.hostOrgId());
        if (d.compoundId() != null) {
            Compound compound = units.compound(d.compoundId()).orElseThrow(() -> new RuleViolationException("compoundId", "post.compound.unknown"));
            reach.requireOrganization(compound.getBranchId());
        }
        CommunityGroup team = d.teamGroupId() == null ? null : groups.byIds(List.of(d.teamGroupId())).get(d.teamGroupId());
        if (team == null || !reach.organization(team.getHostOrgId())) {
            throw new RuleViolationException("teamGroupId", "post.team.required");
        }
        return d;
    }

    private VolunteerPost find(long id) {
        return posts.findById(id).orElseThrow(() -> new NotFoundException("post", id));
    }

    private VolunteerPost lock(long id) {
        return posts.lock(id).orElseThrow(() -> new NotFoundException("post", id));
    }

    private VolunteerPost managed(VolunteerPost post) {
        if (!reach.organization(post.getHostOrgId()) && !groups.runs(post.getTeamGroupId())) {
            throw new AccessDeniedException("Post " + post.getId() + " is not kept by " + actors.current().username());
        }
        return post;
    }

    private Actor requireStaff() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }


    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private List<PostRow> rows(List<VolunteerPost> list) {
        Map<Long, Organization> hosts = units.organizations(list.stream().map(VolunteerPost::getHostOrgId).collect(Collectors.toSet()));
        Map<Long, Compound> compounds = units.compounds(list.stream().map(VolunteerPost::getCompoundId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, CommunityGroup> teams = groups.byIds(list.stream().map(VolunteerPost::getTeamGroupId).collect(Collectors.toSet()));
        return list.stream().map(p -> new PostRow(p, hosts.containsKey(p.getHostOrgId()) ? hosts.get(p.getHostOrgId()).getName() : null,
                p.getCompoundId() == null || !compounds.containsKey(p.getCompoundId()) ? null : compounds.get(p.getCompoundId()).getName(),
                teams.containsKey(p.getTeamGroupId()) ? teams.get(p.getTeamGroupId()).getName() : null)).toList();
    }

    private Map<Long, Shift> shiftsOf(List<ShiftSwap> list) {
        Set<Long> ids = new HashSet<>();
        list.forEach(w -> {
            ids.add(w.getShiftId());
            if (w.getWithShiftId() != null) {
                ids.add(w.getWithShiftId());
            }
        });
        return shifts.findAllById(ids).stream().collect(Collectors.toMap(Shift::getId, s -> s));
    }

    private static SwapRow swapRow(ShiftSwap w, Map<Long, Shift> byId, Map<Long, PersonCard> cards) {
        return new SwapRow(w, byId.get(w.getShiftId()), w.getWithShiftId() == null ? null : byId.get(w.getWithShiftId()),
                nameOf(cards, w.getRequestedBy()), nameOf(cards, w.getWithPersonId()));
    }

    private static String nameOf(Map<Long, PersonCard> cards, long personId) {
        PersonCard card = cards.get(personId);
        return card == null ? "#" + personId : card.name();
    }

    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }
}
