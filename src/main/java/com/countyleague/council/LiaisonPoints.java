package com.countyleague.council;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.account.Actors;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.Reach;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.member.PersonRow;
import com.countyleague.member.PersonSearch;
import com.countyleague.member.PersonStatus;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 团代表联络点: the points of a subtree, the League representatives stationed there for their term,
 * reception days (接访日) scheduled as activities of the point's unit, and a visitor log whose
 * entries become residents' issues with one action.
 */
@Service
public class LiaisonPoints {

    /** A point as the list shows it: its unit, representatives serving today, reception days held, visitors received. */
    public record PointRow(LiaisonPoint point, String unitName, long representatives, long receptionsHeld, long visitors) {
    }

    /** A representative with their card and point: the register. */
    public record RepresentativeRow(Representative representative, PersonCard person, String pointName, boolean serving) {
    }

    public record Overview(OrganizationDirectory.OrganizationRef unit, List<PointRow> points, List<RepresentativeRow> register) {
    }

    public record PointPage(LiaisonPoint point, String unitName, List<RepresentativeRow> representatives,
                            List<Activities.Held> receptions, List<VisitorEntry> visitors, List<PersonRow> candidates,
                            List<ResidentIssues.Place> places) {
    }

    private final LiaisonPointRepository points;
    private final RepresentativeRepository representatives;
    private final VisitorEntryRepository visitors;
    private final ResidentIssueRepository issues;
    private final ResidentIssues residentIssues;
    private final IssueRecords records;
    private final Activities activities;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;

    LiaisonPoints(LiaisonPointRepository points, RepresentativeRepository representatives, VisitorEntryRepository visitors,
                  ResidentIssueRepository issues, ResidentIssues residentIssues, IssueRecords records, Activities activities,
                  People people, UnitLookup units, Actors actors, Reach reach, JdbcClient jdbc, Clock clock) {
        this.points = points;
        this.representatives = representatives;
        this.visitors = visitors;
        this.issues = issues;
        this.residentIssues = residentIssues;
        this.records = records;
        this.activities = activities;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview overview(Long under) {
        actors.current().requireStaff();
        OrganizationDirectory.OrganizationRef unit = reach.unit(under);
        List<LiaisonPoint> found = points.within(unit.path());
        List<Long> ids = found.stream().map(LiaisonPoint::getId).toList();
        Map<Long, long[]> counts = counts(ids);
        Map<Long, Organization> unitsById = units.organizations(found.stream().map(LiaisonPoint::getOrganizationId).collect(Collectors.toSet()));
        List<PointRow> rows = found.stream().map(p -> new PointRow(p, nameOf(unitsById.get(p.getOrganizationId())),
                counts.getOrDefault(p.getId(), new long[3])[0], counts.getOrDefault(p.getId(), new long[3])[1],
                counts.getOrDefault(p.getId(), new long[3])[2])).toList();
        return new Overview(unit, rows, register(found));
    }

    @Transactional
    public long create(Long organizationId, String name, String address) {
        actors.current().requireStaff();
        if (organizationId == null) {
            throw new RuleViolationException("organizationId", "validation.required");
        }
        reach.requireOrganization(organizationId);
        String text = name == null ? "" : name.trim();
        if (text.isEmpty() || text.length() > 100) {
            throw new RuleViolationException("name", "issue.text.too-long", 100);
        }
        if (address != null && address.trim().length() > 200) {
            throw new RuleViolationException("address", "issue.text.too-long", 200);
        }
        if (points.existsByOrganizationIdAndName(organizationId, text)) {
            throw new RuleViolationException("name", "liaison.name.taken");
        }
        return points.save(new LiaisonPoint(organizationId, text, address == null || address.isBlank() ? null : address.trim(),
                clock.instant())).getId();
    }

    /** A point's page; {@code q} looks for League members of its unit to station there. */
    @Transactional(readOnly = true)
    public PointPage page(long id, String q) {
        LiaisonPoint point = reached(id);
        List<Long> receptionIds = jdbc.sql("select activity_id from reception_day where point_id = ?").param(id).query(Long.class).list();
        List<PersonRow> candidates = q == null || q.isBlank() ? List.of()
                : people.search(new PersonSearch(Ledger.LEAGUE_MEMBER, point.getOrganizationId(), null, null, null, null, null, null, null,
                        PersonStatus.ACTIVE, q.trim(), null, null), Pageable.ofSize(20)).getContent();
        Organization unit = units.organization(point.getOrganizationId()).orElseThrow();
        return new PointPage(point, unit.getName(), register(List.of(point)), activities.held(receptionIds),
                visitors.findTop100ByPointIdOrderByVisitedOnDescIdDesc(id), candidates,
                residentIssues.placesOf(units.compoundsWithin(units.branchIdsWithin(unit.getPath()))));
    }

    /** Stations a representative of the caller's reach at the point for a term. */
    @Transactional
    public void station(long pointId, Long personId, LocalDate termFrom, LocalDate termTo) {
        LiaisonPoint point = reached(pointId);
        if (personId == null) {
            throw new RuleViolationException("personId", "validation.required");
        }
        reach.require(Reach.Target.PERSON, personId);
        if (termFrom == null || termTo == null || !termTo.isAfter(termFrom)) {
            throw new RuleViolationException("termTo", "liaison.term.invalid");
        }
        if (representatives.findByPointIdInOrderByTermToDesc(List.of(pointId)).stream()
                .anyMatch(r -> r.getPersonId().equals(personId) && !r.getTermTo().isBefore(termFrom) && !r.getTermFrom().isAfter(termTo))) {
            throw new RuleViolationException("personId", "liaison.representative.already");
        }
        representatives.save(new Representative(point.getId(), personId, termFrom, termTo, clock.instant()));
    }

    /** Schedules a reception day: a published activity of the point's unit at the point. */
    @Transactional
    public long scheduleReception(long pointId, LocalDateTime startsAt, LocalDateTime endsAt) {
        LiaisonPoint point = reached(pointId);
        if (startsAt == null || endsAt == null) {
            throw new RuleViolationException(startsAt == null ? "startsAt" : "endsAt", "validation.required");
        }
        ZoneId zone = clock.getZone();
        long id = activities.create(new Activity.Details(point.getOrganizationId(), null, Activity.Type.RECEPTION_DAY, Activity.Mode.OFFLINE,
                clip("接访日 · " + point.getName(), 100), null, point.getAddress() == null ? point.getName() : point.getAddress(),
                startsAt.atZone(zone).toInstant(), endsAt.atZone(zone).toInstant(), null, null, null, null));
        activities.publish(id);
        jdbc.sql("insert into reception_day (activity_id, point_id) values (?, ?)").params(id, pointId).update();
        return id;
    }

    @Transactional
    public long logVisitor(long pointId, VisitorEntry.Draft draft) {
        LiaisonPoint point = reached(pointId);
        if (draft.visitedOn() == null || draft.visitedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("visitedOn", "liaison.visited-on.invalid");
        }
        if (draft.visitor() == null || draft.visitor().isBlank() || draft.visitor().trim().length() > 50) {
            throw new RuleViolationException("visitor", "issue.text.too-long", 50);
        }
        if (draft.content() == null || draft.content().isBlank() || draft.content().trim().length() > 2000) {
            throw new RuleViolationException("content", "issue.text.too-long", 2000);
        }
        VisitorEntry.Draft placed = new VisitorEntry.Draft(draft.visitedOn(), draft.visitor(), draft.contact(),
                residentIssues.compoundOf(draft.compoundId(), draft.buildingId()), draft.buildingId(), draft.content());
        residentIssues.checkedPlace(point.getOrganizationId(), placed.compoundId(), placed.buildingId());
        return visitors.save(new VisitorEntry(pointId, placed, actors.current().username(), clock.instant())).getId();
    }

    /** One action: the visitor's word becomes a residents' issue of the point's unit, with its text and place. */
    @Transactional
    public long toIssue(long entryId, String scope, String nature) {
        VisitorEntry entry = visitors.lock(entryId).orElseThrow(() -> new NotFoundException("visitor", entryId));
        LiaisonPoint point = reached(entry.getPointId());
        ResidentIssue.Report report = new ResidentIssue.Report(point.getOrganizationId(), null, scope, nature, entry.getCompoundId(),
                entry.getBuildingId(), clip(entry.getContent().lines().findFirst().orElse(entry.getContent()), 60), entry.getContent());
        residentIssues.checkedText(report);
        ResidentIssue issue = issues.save(ResidentIssue.byStaff(report, actors.current().username(), clock.instant()));
        entry.becameIssue(issue.getId());
        records.step(issue, "RAISED", actors.current().username(), point.getName() + " · " + entry.getVisitor());
        return issue.getId();
    }

    private LiaisonPoint reached(long id) {
        actors.current().requireStaff();
        reach.require(Reach.Target.LIAISON_POINT, id);
        return points.findById(id).orElseThrow(() -> new NotFoundException("liaison point", id));
    }

    private List<RepresentativeRow> register(List<LiaisonPoint> of) {
        Map<Long, String> names = of.stream().collect(Collectors.toMap(LiaisonPoint::getId, LiaisonPoint::getName));
        List<Representative> found = representatives.findByPointIdInOrderByTermToDesc(names.keySet());
        Map<Long, PersonCard> cards = people.cards(found.stream().map(Representative::getPersonId).collect(Collectors.toSet()));
        LocalDate today = LocalDate.now(clock);
        return found.stream().map(r -> new RepresentativeRow(r, cards.get(r.getPersonId()), names.get(r.getPointId()), r.isServingOn(today)))
                .toList();
    }

    /** Per point: representatives serving today, reception days held, visitors received. */
    private Map<Long, long[]> counts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Long[] array = ids.toArray(Long[]::new);
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        select p.id,
                               (select count(*) from league_representative r where r.point_id = p.id and :today between r.term_from and r.term_to),
                               (select count(*) from reception_day d join activity a on a.id = d.activity_id
                                where d.point_id = p.id and a.status = 'PUBLISHED' and a.starts_at <= :now),
                               (select count(*) from visitor_entry v where v.point_id = p.id)
                        from liaison_point p where p.id = any(:ids)""")
                .param("today", java.sql.Date.valueOf(LocalDate.now(clock))).param("now", now).param("ids", array)
                .query((rs, n) -> Map.entry(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)})).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String nameOf(Organization unit) {
        return unit == null ? null : unit.getName();
    }
}
