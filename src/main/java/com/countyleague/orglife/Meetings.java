package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Reach;
import com.countyleague.activity.OrganisationalLife;
import com.countyleague.member.PersonRow;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.UploadedImage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A branch's meetings and League lectures (三会一课) as the secretary records them: kind, date, topic,
 * minutes, photos, and who of the branch's League members came — ticked, or taken from the check-ins of
 * the organisational-life activity the meeting was held as. What the compliance view and the
 * annual review count.
 */
@Service
public class Meetings {

    static final int MAX_TOPIC = 200;
    static final int MAX_MINUTES = 20_000;
    static final int MAX_PHOTOS = 9;
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    /** What a secretary records of a meeting held. */
    public record Draft(Long organizationId, MeetingKind kind, LocalDate heldOn, String topic, String minutes, Set<Long> attendeeIds,
                        Long activityId) {
    }

    /** An organisational-life activity of the branch not yet recorded as a meeting: its day, and who of the branch checked in. */
    public record FromActivity(long id, String title, LocalDate heldOn, Set<Long> present) {
    }

    public record Meeting(long id, long organizationId, MeetingKind kind, LocalDate heldOn, String topic, String minutes, int members,
                          int attendees) {
    }

    public record Attendee(long personId, String name, boolean came) {
    }

    public record MeetingPage(Meeting meeting, String branchName, List<Attendee> members, List<Long> photoIds) {
    }

    public record Photo(String contentType, byte[] bytes) {
    }

    private final BranchMembers branchMembers;
    private final OrganisationalLife organisationalLife;
    private final UnitLookup units;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Meetings(BranchMembers branchMembers, OrganisationalLife organisationalLife, UnitLookup units, Reach reach, Actors actors, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.branchMembers = branchMembers;
        this.organisationalLife = organisationalLife;
        this.units = units;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a meeting of a branch in reach, held today or before, attended by League members of that branch. Audited. */
    @Transactional
    public long record(Draft draft) {
        if (draft.organizationId() == null) {
            throw new RuleViolationException("organizationId", "meeting.branch.required");
        }
        Organization branch = branch(draft.organizationId());
        if (draft.kind() == null) {
            throw new RuleViolationException("kind", "meeting.kind.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (draft.heldOn() == null || draft.heldOn().isAfter(today) || draft.heldOn().isBefore(today.minusYears(2))) {
            throw new RuleViolationException("heldOn", "meeting.held-on.invalid");
        }
        String topic = draft.topic() == null ? "" : draft.topic().strip();
        if (topic.isEmpty() || topic.length() > MAX_TOPIC) {
            throw new RuleViolationException("topic", "meeting.topic.invalid", MAX_TOPIC);
        }
        String minutes = draft.minutes() == null ? "" : draft.minutes().strip();
        if (minutes.length() > MAX_MINUTES) {
            throw new RuleViolationException("minutes", "meeting.minutes.too-long", MAX_MINUTES);
        }
        Set<Long> members = branchMembers.of(branch.getId()).stream().map(PersonRow::id).collect(Collectors.toSet());
        Set<Long> attendees = draft.attendeeIds() == null ? Set.of() : draft.attendeeIds();
        if (!members.containsAll(attendees)) {
            throw new RuleViolationException("attendeeIds", "meeting.attendee.not-member");
        }
        if (draft.activityId() != null && fromActivities(branch.getId()).stream().noneMatch(a -> a.id() == draft.activityId())) {
            throw new RuleViolationException("activityId", "meeting.activity.invalid");
        }
        long id = jdbc.sql("""
                        insert into org_meeting (organization_id, kind, held_on, topic, minutes, members, recorded_by, recorded_at, activity_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(branch.getId(), draft.kind().name(), Date.valueOf(draft.heldOn()), topic, minutes, members.size(),
                        actors.current().username(), Timestamp.from(clock.instant()), draft.activityId())
                .query(Long.class).single();
        attendees.forEach(person -> jdbc.sql("insert into org_meeting_attendee (meeting_id, person_id) values (?, ?)")
                .params(id, person).update());
        audit.record("RECORD_MEETING", "meeting:" + id, draft.kind() + " " + draft.heldOn() + " " + attendees.size() + "/" + members.size());
        return id;
    }

    /** A meeting of a branch in reach, with every current member of the branch and whether they came. */
    @Transactional(readOnly = true)
    public MeetingPage page(long id) {
        Meeting meeting = get(id);
        Set<Long> came = attendeesOf(id);
        List<Attendee> members = branchMembers.of(meeting.organizationId()).stream()
                .map(p -> new Attendee(p.id(), p.name(), came.contains(p.id()))).toList();
        List<Long> photos = jdbc.sql("select id from org_meeting_photo where meeting_id = ? order by id").param(id).query(Long.class).list();
        return new MeetingPage(meeting, units.organization(meeting.organizationId()).map(Organization::getName).orElse(""), members, photos);
    }

    /** The League members of a branch in reach, for the form that records who came; none for a unit that is no branch. */
    @Transactional(readOnly = true)
    public List<Attendee> membersToTick(long organizationId) {
        reach.requireOrganization(organizationId);
        boolean branch = units.organization(organizationId).map(o -> o.getType().isBranch()).orElse(false);
        return branch ? branchMembers.of(organizationId).stream().map(p -> new Attendee(p.id(), p.name(), false)).toList() : List.of();
    }

    /**
     * The organisational-life activities a branch in reach hosted in the last 90 days that no meeting records
     * yet, each with who of the branch's members checked in: a meeting recorded from one takes them as its attendance.
     */
    @Transactional(readOnly = true)
    public List<FromActivity> fromActivities(long organizationId) {
        Set<Long> members = branchMembers.of(organizationId).stream().map(PersonRow::id).collect(Collectors.toSet());
        Set<Long> recorded = Set.copyOf(jdbc.sql("select activity_id from org_meeting where organization_id = ? and activity_id is not null")
                .param(organizationId).query(Long.class).list());
        return organisationalLife.hostedBy(organizationId, clock.instant().minus(Duration.ofDays(90)), clock.instant()).stream()
                .filter(a -> !recorded.contains(a.id()))
                .map(a -> new FromActivity(a.id(), a.title(), LocalDate.ofInstant(a.startsAt(), clock.getZone()),
                        a.present().stream().filter(members::contains).collect(Collectors.toSet())))
                .toList();
    }

    /** The meetings of a branch in reach held in a year, newest first. */
    @Transactional(readOnly = true)
    public List<Meeting> ofBranch(long organizationId, int year) {
        reach.requireOrganization(organizationId);
        if (year < 2000 || year > 2100) {
            throw new RuleViolationException("year", "meeting.year.invalid");
        }
        return select("m.organization_id = ? and m.held_on between ? and ? order by m.held_on desc, m.id desc",
                organizationId, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
    }

    /** The branch assemblies of a branch in reach held in a year, newest first: where its review and recommendations are decided. */
    @Transactional(readOnly = true)
    public List<Meeting> assemblies(long organizationId, int year) {
        return ofBranch(organizationId, year).stream().filter(m -> m.kind().decidesForTheBranch()).toList();
    }

    /** Adds a photo (JPEG or PNG, up to 5 MB, nine a meeting) to a meeting in reach. Audited. */
    @Transactional
    public long addPhoto(long meetingId, byte[] bytes) {
        get(meetingId);
        UploadedImage image = UploadedImage.check(bytes, MAX_PHOTO_BYTES, "photo");
        long count = jdbc.sql("select count(*) from org_meeting_photo where meeting_id = ?").param(meetingId).query(Long.class).single();
        if (count >= MAX_PHOTOS) {
            throw new RuleViolationException("photo", "meeting.photo.too-many", MAX_PHOTOS);
        }
        long id = jdbc.sql("insert into org_meeting_photo (meeting_id, content_type, bytes) values (?, ?, ?) returning id")
                .params(meetingId, image.contentType(), image.bytes()).query(Long.class).single();
        audit.record("ADD_MEETING_PHOTO", "meeting:" + meetingId, "photo " + id);
        return id;
    }

    @Transactional(readOnly = true)
    public Photo photo(long meetingId, long photoId) {
        get(meetingId);
        return jdbc.sql("select content_type, bytes from org_meeting_photo where id = ? and meeting_id = ?").params(photoId, meetingId)
                .query((rs, n) -> new Photo(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("photo", photoId));
    }

    /** A meeting of a branch in the caller's reach (403 beyond it, 404 when there is none). */
    Meeting get(long id) {
        Meeting meeting = select("m.id = ?", id).stream().findFirst().orElseThrow(() -> new NotFoundException("meeting", id));
        reach.requireOrganization(meeting.organizationId());
        return meeting;
    }

    Set<Long> attendeesOf(long meetingId) {
        return Set.copyOf(jdbc.sql("select person_id from org_meeting_attendee where meeting_id = ?").param(meetingId).query(Long.class).list());
    }

    /** The dates of the meetings of each kind held by these branches between two days, for the compliance view. */
    Map<Long, Map<MeetingKind, List<LocalDate>>> heldBy(Collection<Long> organizationIds, LocalDate from, LocalDate to) {
        record Held(long organizationId, MeetingKind kind, LocalDate on) {
        }
        return jdbc.sql("select organization_id, kind, held_on from org_meeting where organization_id = any(?) and held_on between ? and ?")
                .params(organizationIds.toArray(Long[]::new), Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Held(rs.getLong(1), MeetingKind.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate())).list()
                .stream().collect(Collectors.groupingBy(Held::organizationId,
                        Collectors.groupingBy(Held::kind, Collectors.mapping(Held::on, Collectors.toList()))));
    }

    /** A branch (支部 or 联合支部) in the caller's reach. */
    Organization branch(long organizationId) {
        reach.requireOrganization(organizationId);
        Organization unit = units.organization(organizationId).orElseThrow(() -> new NotFoundException("organization", organizationId));
        if (!unit.getType().isBranch()) {
            throw new RuleViolationException("organizationId", "meeting.branch.required");
        }
        return unit;
    }

    private List<Meeting> select(String where, Object... parameters) {
        return jdbc.sql("""
                        select m.id, m.organization_id, m.kind, m.held_on, m.topic, m.minutes, m.members,
                               (select count(*) from org_meeting_attendee a where a.meeting_id = m.id)
                        from org_meeting m where\s""" + where)
                .params(parameters)
                .query((rs, n) -> new Meeting(rs.getLong(1), rs.getLong(2), MeetingKind.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }
}
