package com.countyleague.council;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.account.Actors;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.Reach;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.group.Membership;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Youth councils and youth committees: their make-up, their meetings (每月至少议事一次) and the
 * monthly compliance of a subtree. A meeting is an activity of the council, so check-in and points
 * work as for any activity; its agenda, minutes, decisions and the issues it took up are kept here.
 */
@Service
public class Councils {

    /** A council behind this month: when it last met, and for how many months in a row it has not. */
    public record ComplianceRow(Groups.CouncilRef council, String hostName, YearMonth lastMet, long monthsBehind) {

        /** More than this month without a meeting. */
        public boolean isLongBehind() {
            return monthsBehind > 1;
        }
    }

    public record Compliance(OrganizationDirectory.OrganizationRef unit, YearMonth month, int councils, int met,
                             Page<ComplianceRow> behind) {
    }

    /** A member of a council with what they hold, and whether the ledger qualifies them for it today. */
    public record Member(Membership membership, PersonCard person, boolean qualified) {
    }

    public record MonthRecord(YearMonth month, List<Activities.Held> meetings) {
    }

    /** A council's page: its make-up, what is wrong with it, its twelve months and the issues before it. */
    public record CouncilPage(CommunityGroup council, String hostName, List<Member> members, List<String> problems,
                              List<MonthRecord> year, List<Activities.Held> held, List<Activities.Held> coming,
                              List<ResidentIssue> openIssues) {
    }

    /** A meeting to plan: when, where or online, and its agenda. */
    public record MeetingPlan(String title, LocalDateTime startsAt, LocalDateTime endsAt, Activity.Mode mode, String place, String agenda) {
    }

    public record MeetingPage(CouncilMeeting meeting, CommunityGroup council, Activities.ActivityPage activity,
                              List<ResidentIssue> discussed, List<ResidentIssue> candidates) {
    }

    private final CouncilMeetingRepository meetings;
    private final ResidentIssueRepository issues;
    private final ResidentIssues residentIssues;
    private final Groups groups;
    private final Activities activities;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final Clock clock;

    Councils(CouncilMeetingRepository meetings, ResidentIssueRepository issues, ResidentIssues residentIssues, Groups groups,
             Activities activities, People people, UnitLookup units, Actors actors, Reach reach, Clock clock) {
        this.meetings = meetings;
        this.issues = issues;
        this.residentIssues = residentIssues;
        this.groups = groups;
        this.activities = activities;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.clock = clock;
    }

    /** The councils of a subtree that have not met this month, longest behind first. */
    @Transactional(readOnly = true)
    public Compliance compliance(Long under, Pageable pageable) {
        actors.current().requireStaff();
        OrganizationDirectory.OrganizationRef unit = reach.unit(under);
        ZoneId zone = clock.getZone();
        Instant now = clock.instant();
        YearMonth month = YearMonth.now(clock);
        List<Groups.CouncilRef> councils = groups.councilsWithin(unit.path());
        Map<Long, Instant> last = activities.lastHeld(councils.stream().map(Groups.CouncilRef::id).toList(),
                Activity.Type.COUNCIL_MEETING, now);
        List<ComplianceRow> behind = new ArrayList<>();
        for (Groups.CouncilRef council : councils) {
            YearMonth lastMet = last.containsKey(council.id()) ? YearMonth.from(last.get(council.id()).atZone(zone)) : null;
            if (lastMet == null || lastMet.isBefore(month)) {
                // never met: behind since the month it was set up
                YearMonth since = lastMet != null ? lastMet.plusMonths(1) : YearMonth.from(council.createdAt().atZone(zone));
                behind.add(new ComplianceRow(council, null, lastMet, Math.max(1, since.until(month, ChronoUnit.MONTHS) + 1)));
            }
        }
        behind.sort(Comparator.comparingLong(ComplianceRow::monthsBehind).reversed()
                .thenComparing(r -> r.council().name()));
        int from = (int) Math.min(pageable.getOffset(), behind.size());
        int to = Math.min(from + pageable.getPageSize(), behind.size());
        // the hosts' names of the page shown only
        Map<Long, Organization> hosts = units.organizations(behind.subList(from, to).stream().map(r -> r.council().hostOrgId())
                .collect(Collectors.toSet()));
        List<ComplianceRow> page = behind.subList(from, to).stream()
                .map(r -> new ComplianceRow(r.council(), nameOf(hosts.get(r.council().hostOrgId())), r.lastMet(), r.monthsBehind()))
                .toList();
        return new Compliance(unit, month, councils.size(), councils.size() - behind.size(), new PageImpl<>(page, pageable, behind.size()));
    }

    /** A council's page, for the staff reaching its host and its own core team. */
    @Transactional(readOnly = true)
    public CouncilPage page(long councilId) {
        CommunityGroup council = run(councilId);
        List<Membership> active = groups.activeMemberships(councilId);
        Map<Long, PersonCard> cards = people.cards(active.stream().map(Membership::getPersonId).toList(),
                active.stream().map(Membership::getPersonId).toList());
        List<Member> members = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Membership m : active) {
            members.add(new Member(m, cards.get(m.getPersonId()), qualified(m)));
        }
        problems.addAll(problems(members, GroupRole.GUIDE, "council.problem.no-guide", "council.problem.unqualified-guide"));
        problems.addAll(problems(members, GroupRole.CADRE, "council.problem.no-cadre", "council.problem.unqualified-cadre"));
        if (council.isSeated() && members.stream().anyMatch(m -> m.membership().getRole() == null && m.membership().getSeat() == null)) {
            problems.add("council.problem.no-seat");
        }
        YearMonth month = YearMonth.now(clock);
        ZoneId zone = clock.getZone();
        Instant yearAgo = month.minusMonths(11).atDay(1).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        List<Activities.Held> held = activities.ofGroup(councilId, Activity.Type.COUNCIL_MEETING, yearAgo,
                month.plusMonths(12).atDay(1).atStartOfDay(zone).toInstant());
        List<MonthRecord> year = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth m = month.minusMonths(i);
            year.add(new MonthRecord(m, held.stream().filter(h -> h.status() != Activity.Status.CANCELLED && !h.startsAt().isAfter(now)
                    && YearMonth.from(h.startsAt().atZone(zone)).equals(m)).toList()));
        }
        List<Activities.Held> coming = held.stream().filter(h -> h.startsAt().isAfter(now) || h.status() == Activity.Status.IN_PROGRESS)
                .toList();
        List<Activities.Held> past = new ArrayList<>(year.stream().flatMap(m -> m.meetings().stream()).toList());
        Collections.reverse(past);
        return new CouncilPage(council, nameOf(units.organization(council.getHostOrgId()).orElse(null)), members, problems, year,
                past, coming, candidates(council));
    }

    /** Plans a meeting: a published activity of the council, with its agenda. */
    @Transactional
    public long planMeeting(long councilId, MeetingPlan plan) {
        CommunityGroup council = run(councilId);
        if (plan.agenda() == null || plan.agenda().isBlank()) {
            throw new RuleViolationException("agenda", "validation.required");
        }
        if (plan.agenda().trim().length() > 2000) {
            throw new RuleViolationException("agenda", "issue.text.too-long", 2000);
        }
        if (plan.startsAt() == null || plan.endsAt() == null) {
            throw new RuleViolationException(plan.startsAt() == null ? "startsAt" : "endsAt", "validation.required");
        }
        ZoneId zone = clock.getZone();
        long id = activities.create(new Activity.Details(null, council.getId(), Activity.Type.COUNCIL_MEETING,
                plan.mode() == null ? Activity.Mode.OFFLINE : plan.mode(), plan.title(), plan.agenda(), plan.place(),
                plan.startsAt().atZone(zone).toInstant(), plan.endsAt().atZone(zone).toInstant(), null, null, null, null));
        activities.publish(id);
        meetings.save(new CouncilMeeting(id, councilId, plan.agenda().trim()));
        return id;
    }

    @Transactional(readOnly = true)
    public MeetingPage meeting(long activityId) {
        CouncilMeeting meeting = meetings.findById(activityId).orElseThrow(() -> new NotFoundException("meeting", activityId));
        Activities.ActivityPage activity = activities.page(activityId);
        CommunityGroup council = groups.byIds(List.of(meeting.getCouncilId())).get(meeting.getCouncilId());
        return new MeetingPage(meeting, council, activity, issues.findByMeetingIdOrderByIdAsc(activityId),
                candidates(council).stream().filter(i -> i.getMeetingId() == null).toList());
    }

    /** Records the minutes and decisions of a meeting held, and the issues it took up: the council's own or its host's. */
    @Transactional
    public void recordMinutes(long activityId, String minutes, String decisions, Collection<Long> issueIds) {
        CouncilMeeting meeting = meetings.findById(activityId).orElseThrow(() -> new NotFoundException("meeting", activityId));
        Activity activity = activities.settings(activityId);
        CommunityGroup council = run(meeting.getCouncilId());
        if (minutes == null || minutes.isBlank()) {
            throw new RuleViolationException("minutes", "validation.required");
        }
        if (minutes.trim().length() > 8000 || (decisions != null && decisions.trim().length() > 4000)) {
            throw new RuleViolationException("minutes", "issue.text.too-long", minutes.trim().length() > 8000 ? 8000 : 4000);
        }
        meeting.record(minutes.trim(), decisions == null || decisions.isBlank() ? null : decisions.trim(),
                !activity.getStartsAt().isAfter(clock.instant()) && activity.statusAt(clock.instant()) != Activity.Status.CANCELLED,
                actors.current().username(), clock.instant());
        for (Long issueId : issueIds.stream().distinct().toList()) {
            ResidentIssue issue = issues.lock(issueId).orElseThrow(() -> new NotFoundException("issue", issueId));
            if (!mayTakeUp(council, issue)) {
                throw new AccessDeniedException("Issue " + issueId + " is not before council " + council.getId());
            }
            if (!activity.getId().equals(issue.getMeetingId())) {
                residentIssues.discussedAt(issue, activityId, activity.getTitle());
            }
        }
    }

    /** The open issues a council may take up: its own, and those of its host unit that no council has. */
    private List<ResidentIssue> candidates(CommunityGroup council) {
        return issues.openBefore(council.getId(), council.getHostOrgId());
    }

    private static boolean mayTakeUp(CommunityGroup council, ResidentIssue issue) {
        return council.getId().equals(issue.getCouncilId())
                || (issue.getCouncilId() == null && council.getHostOrgId().equals(issue.getOrganizationId()));
    }

    private static List<String> problems(List<Member> members, GroupRole role, String none, String unqualified) {
        List<Member> holders = members.stream().filter(m -> m.membership().getRole() == role).toList();
        return holders.isEmpty() ? List.of(none) : holders.stream().allMatch(Member::qualified) ? List.of() : List.of(unqualified);
    }

    private boolean qualified(Membership m) {
        if (m.getRole() == GroupRole.GUIDE) {
            return people.standing(m.getPersonId()).partyMember();
        }
        if (m.getRole() == GroupRole.CADRE || (m.getSeat() != null && m.getSeat().needsLeaguePost())) {
            return people.standing(m.getPersonId()).leaguePost();
        }
        return true;
    }

    /** A council the caller runs: staff reaching its host, or its core team. Any other group is not a council here. */
    private CommunityGroup run(long councilId) {
        CommunityGroup council = groups.byIds(List.of(councilId)).get(councilId);
        if (council == null || !council.getKind().isCouncil()) {
            throw new NotFoundException("council", councilId);
        }
        if (!groups.runs(councilId)) {
            throw new AccessDeniedException("Council " + councilId + " is not run by " + actors.current().username());
        }
        return council;
    }


    private static String nameOf(Organization unit) {
        return unit == null ? null : unit.getName();
    }
}
