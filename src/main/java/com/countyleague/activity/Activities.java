package com.countyleague.activity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities from the organiser's side (create, publish, cancel, see who came, write the record) and
 * the member's (browse, sign up, cancel). Sign-ups of one activity take its row lock, so its capacity
 * holds and its waiting list moves up in order. Check-in itself is {@link CheckIns}.
 */
@Service
public class Activities {

    /** How far ahead members see activities. */
    static final Duration BROWSE_AHEAD = Duration.ofDays(60);

    private final ActivityRepository activities;
    private final SignUpRepository signUps;
    private final AttendanceRepository attendances;
    private final TaskSubmissionRepository submissions;
    private final PhotoRepository photoRecords;
    private final Photos photos;
    private final Organisers organisers;
    private final Groups groups;
    private final People people;
    private final Notifications notifications;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Activities(ActivityRepository activities, SignUpRepository signUps, AttendanceRepository attendances,
               TaskSubmissionRepository submissions, PhotoRepository photoRecords, Photos photos, Organisers organisers,
               Groups groups, People people, Notifications notifications, UnitLookup units, Actors actors, Reach reach,
               JdbcClient jdbc, Clock clock) {
        this.activities = activities;
        this.signUps = signUps;
        this.attendances = attendances;
        this.submissions = submissions;
        this.photoRecords = photoRecords;
        this.photos = photos;
        this.organisers = organisers;
        this.groups = groups;
        this.people = people;
        this.notifications = notifications;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Search(Activity.Type type, Long groupId, String text, LocalDate from, LocalDate to) {
    }

    /** An activity as the organiser's list shows it. */
    public record ActivityRow(Activity activity, String hostName, String groupName, Activity.Status status, long signedUp,
                              long attended) {
    }

    public record SignUpRow(SignUp signUp, PersonCard person, boolean attended) {
    }

    public record AttendanceRow(Attendance attendance, PersonCard person) {
    }

    public record SubmissionRow(TaskSubmission submission, PersonCard person) {
    }

    /** Everything an organiser runs an activity with. */
    public record ActivityPage(Activity activity, String hostName, String groupName, Activity.Status status,
                               List<SignUpRow> signedUp, List<SignUpRow> waiting, List<AttendanceRow> attendance,
                               List<SubmissionRow> pendingProofs, List<Photo> photos, boolean staff, int serviceMinutes,
                               boolean recordingClosed) {
    }

    /** An activity as a member sees it, with their own sign-up, attendance and proofs. */
    public record MemberView(Activity activity, String hostName, String groupName, Activity.Status status, long signedUp,
                             SignUp mine, Attendance attendance, List<TaskSubmission> proofs, boolean mayTakePart,
                             boolean signupOpen, boolean checkInOpen, boolean checkOutOpen, boolean proofOpen, boolean backfillOpen) {
    }

    /** 纪实 counts: activities held by a host in a month and the attendances they had. */
    public record MonthlyCount(long hostOrgId, String hostName, YearMonth month, long activities, long attendances) {
    }

    /** One activity that earned a person service time, for their service record. */
    public record Served(long activityId, String title, long hostOrgId, Instant at, int serviceMinutes) {
    }

    /** A photo's bytes, for the one who may see them. */
    public record PhotoFile(String contentType, byte[] bytes) {
    }

    // --- organising ---

    @Transactional(readOnly = true)
    public Page<ActivityRow> search(Search search, Pageable pageable) {
        Organisers.Scope scope = organisers.scope();
        if (!scope.whole() && scope.hosts().isEmpty() && scope.groups().isEmpty()) {
            throw new AccessDeniedException("Organises no activities: " + actors.current().username());
        }
        String text = search.text() == null || search.text().isBlank() ? null
                : "%" + search.text().trim().toLowerCase(Locale.ROOT) + "%";
        Instant from = search.from() == null ? Instant.EPOCH : search.from().atStartOfDay(clock.getZone()).toInstant();
        Instant to = search.to() == null ? Instant.parse("9999-01-01T00:00:00Z")
                : search.to().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Page<Activity> page = activities.search(scope.whole(), orNone(scope.hosts()), orNone(scope.groups()), search.type(), search.groupId(), text,
                from, to, pageable);
        List<Long> ids = page.map(Activity::getId).getContent();
        Map<Long, Long> signed = counts(ids.isEmpty() ? List.of() : signUps.countSignedUp(ids));
        Map<Long, Long> attended = ids.isEmpty() ? Map.of() : attendanceCounts(ids);
        Names names = names(page.getContent());
        Instant now = clock.instant();
        return page.map(a -> new ActivityRow(a, names.host(a), names.group(a), a.statusAt(now),
                signed.getOrDefault(a.getId(), 0L), attended.getOrDefault(a.getId(), 0L)));
    }

    /** What an organiser may host an activity for: units of their reach (staff) and the groups they run. */
    public record HostChoices(List<Organization> hosts, List<CommunityGroup> groups) {
    }

    /** The form's choices of host; refused to a caller who organises nothing. */
    @Transactional(readOnly = true)
    public HostChoices hostChoices() {
        Organisers.Scope scope = organisers.scope();
        List<Organization> hosts = !scope.whole() && scope.hosts().isEmpty() ? List.of()
                : units.subtree(actors.current().scopePrefix()).stream().filter(o -> o.getType() != OrganizationType.GROUP).toList();
        List<CommunityGroup> run = groups.run();
        if (hosts.isEmpty() && run.isEmpty()) {
            throw new AccessDeniedException("Organises no activities: " + actors.current().username());
        }
        return new HostChoices(hosts, run);
    }

    @Transactional
    public long create(Activity.Details details) {
        Activity.Details checked = hosted(details);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return activities.save(new Activity(checked, secret, actors.current().username(), clock.instant())).getId();
    }

    @Transactional
    public void update(long id, Activity.Details details) {
        Activity activity = managed(lock(id));
        Activity.Details checked = hosted(details);
        if (activity.statusAt(clock.instant()) == Activity.Status.FINISHED) {
            throw RuleViolationException.of("activity.finished");
        }
        activity.apply(checked);
        promoteWaiting(activity);
    }

    @Transactional(readOnly = true)
    public Activity settings(long id) {
        return managed(find(id));
    }

    @Transactional
    public void publish(long id) {
        managed(lock(id)).publish();
    }

    /** Cancels an activity and tells everyone who signed up. */
    @Transactional
    public void cancel(long id) {
        Activity activity = managed(lock(id));
        activity.cancel(clock.instant());
        for (SignUp signUp : signUps.findByActivityIdAndStatusOrderBySignedUpAtAscIdAsc(id, SignUp.Status.SIGNED_UP)) {
            notifications.tell(signUp.getPersonId(), "activity.notice.cancelled", "/me/activities/" + id, activity.getTitle());
        }
    }

    @Transactional(readOnly = true)
    public ActivityPage page(long id) {
        Activity activity = managed(find(id));
        List<SignUp> signed = signUps.findByActivityIdAndStatusOrderBySignedUpAtAscIdAsc(id, SignUp.Status.SIGNED_UP);
        List<SignUp> waiting = signUps.findByActivityIdAndStatusOrderBySignedUpAtAscIdAsc(id, SignUp.Status.WAITING);
        List<Attendance> present = attendances.findByActivityIdOrderByCheckedInAtAscIdAsc(id);
        List<TaskSubmission> proofs = submissions.findByActivityIdAndStatusOrderBySubmittedAtAsc(id, TaskSubmission.Status.PENDING);
        Set<Long> personIds = new HashSet<>();
        signed.forEach(s -> personIds.add(s.getPersonId()));
        waiting.forEach(s -> personIds.add(s.getPersonId()));
        present.forEach(a -> personIds.add(a.getPersonId()));
        proofs.forEach(t -> personIds.add(t.getPersonId()));
        // a group's core team knows its people by name; staff see in full only the people of their reach
        boolean leadsGroup = activity.getGroupId() != null && groups.leads(activity.getGroupId());
        Map<Long, PersonCard> cards = people.cards(personIds, leadsGroup ? personIds : Set.of());
        Set<Long> came = present.stream().map(Attendance::getPersonId).collect(Collectors.toSet());
        Names names = names(List.of(activity));
        return new ActivityPage(activity, names.host(activity), names.group(activity), activity.statusAt(clock.instant()),
                signed.stream().map(s -> new SignUpRow(s, cards.get(s.getPersonId()), came.contains(s.getPersonId()))).toList(),
                waiting.stream().map(s -> new SignUpRow(s, cards.get(s.getPersonId()), false)).toList(),
                present.stream().map(a -> new AttendanceRow(a, cards.get(a.getPersonId()))).toList(),
                proofs.stream().map(t -> new SubmissionRow(t, cards.get(t.getPersonId()))).toList(),
                photoRecords.findByActivityIdAndPurposeOrderByIdAsc(id, Photo.Purpose.RECORD),
                reach.organization(activity.getHostOrgId()),
                present.stream().mapToInt(Attendance::getServiceMinutes).sum(),
                activity.isRecordingClosedAt(clock.instant()));
    }

    /** 纪实: the organiser's summary of what happened. */
    @Transactional
    public void writeRecord(long id, String summary) {
        if (summary != null && summary.length() > 4000) {
            throw new RuleViolationException("summary", "activity.summary.too-long", 4000);
        }
        managed(lock(id)).writeSummary(summary);
    }

    /** Adds a photo to the activity's record: JPEG or PNG, at most 5 MB, checked from its content. */
    @Transactional
    public long addPhoto(long id, byte[] bytes) {
        Activity activity = managed(find(id));
        return photos.store(activity.getId(), Photo.Purpose.RECORD, bytes, actors.current().username(), clock.instant()).getId();
    }

    /** A photo: a record photo for the organisers, a proof also for the member who sent it. */
    @Transactional(readOnly = true)
    public PhotoFile photo(long activityId, long photoId) {
        Photo photo = photoRecords.findById(photoId).filter(p -> p.getActivityId() == activityId)
                .orElseThrow(() -> new NotFoundException("photo", photoId));
        Activity activity = find(activityId);
        if (!organisers.manages(activity) && !sentBy(photo, actors.current())) {
            throw new AccessDeniedException("Photo " + photoId + " is not for " + actors.current().username());
        }
        return new PhotoFile(photo.getContentType(), photos.bytes(photoId).orElseThrow(() -> new NotFoundException("photo", photoId)));
    }

    /** Activities and attendances per host and month, for the hosts in the caller's reach. */
    @Transactional(readOnly = true)
    public List<MonthlyCount> report(LocalDate from, LocalDate to) {
        Organisers.Scope scope = organisers.scope();
        if (!scope.whole() && scope.hosts().isEmpty()) {
            throw new AccessDeniedException("Reports are for staff");
        }
        if (from == null || to == null || to.isBefore(from) || from.plusYears(3).isBefore(to)) {
            throw new RuleViolationException("to", "activity.report.range");
        }
        List<Object[]> rows = jdbc.sql("""
                        select a.host_org_id, to_char(a.starts_at at time zone :zone, 'YYYY-MM') as month,
                               count(distinct a.id), count(t.id)
                        from activity a left join attendance t on t.activity_id = a.id
                        where a.status = 'PUBLISHED' and a.starts_at >= :from and a.starts_at < :to
                          and (:whole or a.host_org_id = any(:hosts))
                        group by 1, 2 order by 2, 1
                        """)
                .param("zone", clock.getZone().getId())
                .param("from", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .param("whole", scope.whole())
                .param("hosts", scope.hosts().toArray(Long[]::new))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)}).list();
        Map<Long, Organization> hosts = units.organizations(rows.stream().map(r -> (Long) r[0]).collect(Collectors.toSet()));
        return rows.stream().map(r -> new MonthlyCount((Long) r[0], nameOf(hosts.get((Long) r[0])), YearMonth.parse((String) r[1]),
                (Long) r[2], (Long) r[3])).toList();
    }

    // --- members ---

    /**
     * What a member may join in the coming weeks, with their own sign-ups: the activities of their
     * branch and of the committees above it up to the county, and those of their groups.
     */
    @Transactional(readOnly = true)
    public List<MemberView> upcoming(Activity.Type type) {
        long personId = actors.current().requirePerson();
        Instant now = clock.instant();
        List<Long> hosts = units.organization(people.visible(personId).getOrganizationId())
                .map(branch -> Arrays.stream(branch.getPath().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList())
                .orElse(List.of());
        List<Activity> open = activities.upcoming(now, now.plus(BROWSE_AHEAD), orNone(hosts), orNone(groups.activeGroupsOf(personId)),
                Pageable.ofSize(200)).stream().filter(a -> type == null || a.getType() == type).toList();
        List<Long> ids = open.stream().map(Activity::getId).toList();
        Map<Long, SignUp> mine = ids.isEmpty() ? Map.of() : signUps.currentOf(personId, ids).stream()
                .collect(Collectors.toMap(SignUp::getActivityId, Function.identity()));
        Map<Long, Attendance> came = ids.isEmpty() ? Map.of() : attendances.ofPersonIn(personId, ids).stream()
                .collect(Collectors.toMap(Attendance::getActivityId, Function.identity()));
        Map<Long, Long> signed = counts(ids.isEmpty() ? List.of() : signUps.countSignedUp(ids));
        Names names = names(open);
        return open.stream().map(a -> view(a, names, signed.getOrDefault(a.getId(), 0L), mine.get(a.getId()), came.get(a.getId()),
                List.of(), true, now)).toList();
    }

    /** The activities a member attended, newest first. */
    @Transactional(readOnly = true)
    public List<MemberView> attended() {
        long personId = actors.current().requirePerson();
        Map<Long, Attendance> came = attendances.findByPersonIdOrderByCheckedInAtDesc(personId).stream().limit(200)
                .collect(Collectors.toMap(Attendance::getActivityId, Function.identity()));
        List<Long> ids = new ArrayList<>(came.keySet());
        Instant now = clock.instant();
        List<Activity> mine = activities.findByIdIn(ids.isEmpty() ? List.of(-1L) : ids);
        Names names = names(mine);
        return mine.stream().sorted((x, y) -> y.getStartsAt().compareTo(x.getStartsAt()))
                .map(a -> view(a, names, 0, null, came.get(a.getId()), List.of(), true, now)).toList();
    }

    @Transactional(readOnly = true)
    public MemberView forMember(long id) {
        long personId = actors.current().requirePerson();
        Activity activity = participable(find(id), personId);
        boolean mayTakePart = mayTakePart(activity, personId);
        return view(activity, names(List.of(activity)), signUps.countByActivityIdAndStatus(id, SignUp.Status.SIGNED_UP),
                signUps.findCurrent(id, personId).orElse(null), attendances.findByActivityIdAndPersonId(id, personId).orElse(null),
                submissions.ofPerson(id, personId), mayTakePart, clock.instant());
    }

    /** Signs the member up: a place if there is room, else the waiting list. */
    @Transactional
    public SignUp.Status signUp(long id) {
        long personId = actors.current().requirePerson();
        Activity activity = participable(lock(id), personId);
        if (!activity.signupOpenAt(clock.instant())) {
            throw RuleViolationException.of("activity.signup.closed");
        }
        if (signUps.findCurrent(id, personId).isPresent()) {
            throw RuleViolationException.of("activity.signup.exists");
        }
        boolean room = activity.hasRoomFor(signUps.countByActivityIdAndStatus(id, SignUp.Status.SIGNED_UP));
        return signUps.save(new SignUp(id, personId, room, clock.instant())).getStatus();
    }

    /** Withdraws the member's sign-up; the first on the waiting list takes the place. */
    @Transactional
    public void cancelSignUp(long id) {
        long personId = actors.current().requirePerson();
        Activity activity = participable(lock(id), personId);
        if (!activity.getEndsAt().isAfter(clock.instant())) {
            throw RuleViolationException.of("activity.finished");
        }
        SignUp signUp = signUps.findCurrent(id, personId).orElseThrow(() -> RuleViolationException.of("activity.signup.not-current"));
        signUp.cancel(clock.instant());
        signUps.flush();
        promoteWaiting(activity);
    }

    // --- for other modules ---

    /** The activities that earned a person service time in a period; callers check that they may see the person. */
    @Transactional(readOnly = true)
    public List<Served> servedBy(long personId, Instant from, Instant to) {
        List<Attendance> served = attendances.withServiceOf(personId, from, to);
        Map<Long, Activity> byId = activities.findByIdIn(served.isEmpty() ? List.of(-1L)
                : served.stream().map(Attendance::getActivityId).toList()).stream().collect(Collectors.toMap(Activity::getId, a -> a));
        return served.stream().map(a -> {
            Activity activity = byId.get(a.getActivityId());
            return new Served(activity.getId(), activity.getTitle(), activity.getHostOrgId(), a.getCheckedInAt(), a.getServiceMinutes());
        }).toList();
    }

    /** An activity of a group as another module lists it. */
    public record Held(long id, String title, Instant startsAt, Instant endsAt, Activity.Status status) {
    }

    /** The latest start, up to {@code until}, of a published activity of this type of each group: when a council last met. */
    @Transactional(readOnly = true)
    public Map<Long, Instant> lastHeld(Collection<Long> groupIds, Activity.Type type, Instant until) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Instant> last = new HashMap<>();
        // one probe of (group_id, starts_at) per group: a plan prepared once stays good for two or two thousand groups
        jdbc.sql("""
                        select g.id, (select a.starts_at from activity a
                                      where a.group_id = g.id and a.type = :type and a.status = 'PUBLISHED' and a.starts_at <= :until
                                      order by a.starts_at desc limit 1)
                        from unnest(:groups) as g(id)""")
                .param("groups", groupIds.toArray(Long[]::new)).param("type", type.name()).param("until", Timestamp.from(until))
                .query((rs, n) -> rs.getTimestamp(2) == null ? null : last.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        return last;
    }

    /** These activities as another module lists them, newest first; callers hold the ids of their own objects. */
    @Transactional(readOnly = true)
    public List<Held> held(Collection<Long> ids) {
        Instant now = clock.instant();
        return ids.isEmpty() ? List.of() : activities.findByIdIn(ids).stream()
                .sorted(Comparator.comparing(Activity::getStartsAt).reversed())
                .map(a -> new Held(a.getId(), a.getTitle(), a.getStartsAt(), a.getEndsAt(), a.statusAt(now))).toList();
    }

    /** The published activities of this type of a group that start in a period, oldest first; callers check that they may see the group. */
    @Transactional(readOnly = true)
    public List<Held> ofGroup(long groupId, Activity.Type type, Instant from, Instant to) {
        Instant now = clock.instant();
        return activities.ofGroup(groupId, type, from, to).stream()
                .map(a -> new Held(a.getId(), a.getTitle(), a.getStartsAt(), a.getEndsAt(), a.statusAt(now))).toList();
    }

    // --- rules ---

    /**
     * An activity as a member may address it: published, and open to them or attended by them. Any
     * other is answered as absent on every member address, so its existence does not leak.
     */
    Activity participable(Activity activity, long personId) {
        if (activity.isDraft() || (!mayTakePart(activity, personId)
                && attendances.findByActivityIdAndPersonId(activity.getId(), personId).isEmpty())) {
            throw new NotFoundException("activity", activity.getId());
        }
        return activity;
    }

    boolean mayTakePart(Activity activity, long personId) {
        return activity.getGroupId() == null || groups.isActiveMember(activity.getGroupId(), personId);
    }

    private MemberView view(Activity a, Names names, long signed, SignUp mine, Attendance came, List<TaskSubmission> proofs,
                            boolean mayTakePart, Instant now) {
        return new MemberView(a, names.host(a), names.group(a), a.statusAt(now), signed, mine, came, proofs, mayTakePart,
                a.signupOpenAt(now) && mine == null, !a.isOnline() && a.checkInOpenAt(now),
                !a.isOnline() && came != null && !came.isCheckedOut() && a.checkOutOpenAt(now),
                a.isOnline() && a.isLive() && !now.isBefore(a.getStartsAt()) && !now.isAfter(a.getEndsAt()),
                !a.isOnline() && a.isLive() && (came == null || !came.isCheckedOut()) && mayTakePart && a.isRecordingClosedAt(now));
    }

    /**
     * Settles who hosts: a group's activity is hosted by the group's organisation and may be organised
     * by whoever runs the group; an organisation's by the staff reaching it.
     */
    private Activity.Details hosted(Activity.Details d) {
        if (d.title() == null || d.title().isBlank() || d.title().trim().length() > 100) {
            throw new RuleViolationException("title", "activity.title.invalid", 100);
        }
        if (d.type() == null || d.mode() == null) {
            throw new RuleViolationException("type", "activity.type.required");
        }
        if (d.groupId() != null) {
            CommunityGroup group = groups.byIds(List.of(d.groupId())).get(d.groupId());
            if (group == null || !groups.runs(group.getId())) {
                throw new AccessDeniedException("Group " + d.groupId() + " is not run by " + actors.current().username());
            }
            return new Activity.Details(group.getHostOrgId(), group.getId(), d.type(), d.mode(), d.title(), d.description(),
                    d.place(), d.startsAt(), d.endsAt(), d.signupOpensAt(), d.signupClosesAt(), d.capacity(), d.serviceHours());
        }
        if (d.hostOrgId() == null || units.organization(d.hostOrgId()).isEmpty()) {
            throw new RuleViolationException("hostOrgId", "activity.host.required");
        }
        reach.requireOrganization(d.hostOrgId());
        return d;
    }

    private void promoteWaiting(Activity activity) {
        long signed = signUps.countByActivityIdAndStatus(activity.getId(), SignUp.Status.SIGNED_UP);
        for (SignUp waiting : signUps.findByActivityIdAndStatusOrderBySignedUpAtAscIdAsc(activity.getId(), SignUp.Status.WAITING)) {
            if (!activity.hasRoomFor(signed)) {
                return;
            }
            waiting.promote();
            signed++;
            notifications.tell(waiting.getPersonId(), "activity.notice.promoted", "/me/activities/" + activity.getId(), activity.getTitle());
        }
    }

    private boolean sentBy(Photo photo, Actor actor) {
        return photo.getPurpose() == Photo.Purpose.PROOF && actor.personId() != null
                && submissions.ofPerson(photo.getActivityId(), actor.personId()).stream()
                .anyMatch(t -> Objects.equals(t.getPhotoId(), photo.getId()));
    }


    private Activity managed(Activity activity) {
        organisers.requireManager(activity);
        return activity;
    }

    private Activity find(long id) {
        return activities.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
    }

    private Activity lock(long id) {
        return activities.lock(id).orElseThrow(() -> new NotFoundException("activity", id));
    }

    private Map<Long, Long> attendanceCounts(Collection<Long> ids) {
        return counts(jdbc.sql("select activity_id, count(*) from attendance where activity_id = any(?) group by activity_id")
                .param(ids.toArray(Long[]::new)).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).list());
    }

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return counts;
    }

    private static List<Long> orNone(List<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    /** Names of the hosts and groups of some activities, fetched at once. */
    private record Names(Map<Long, Organization> hosts, Map<Long, CommunityGroup> groups) {
        String host(Activity a) {
            return nameOf(hosts.get(a.getHostOrgId()));
        }

        String group(Activity a) {
            return Optional.ofNullable(a.getGroupId()).map(groups::get).map(CommunityGroup::getName).orElse(null);
        }
    }

    private Names names(Collection<Activity> list) {
        return new Names(units.organizations(list.stream().map(Activity::getHostOrgId).collect(Collectors.toSet())),
                groups.byIds(list.stream().map(Activity::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet())));
    }

    private static String nameOf(Organization unit) {
        return unit == null ? null : unit.getName();
    }
}
