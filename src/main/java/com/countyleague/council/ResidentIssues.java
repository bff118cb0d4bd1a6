package com.countyleague.council;

import java.io.OutputStream;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.member.Dictionaries;
import com.countyleague.member.DictionaryKind;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Building;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' issues as staff handle them: the lists of a subtree (open, by status, overdue), an
 * issue's page with its history, raising one, and every step of its workflow. Each issue is held to
 * the caller's reach through {@link Reach}. An anonymous reporter is never read here.
 */
@Service
public class ResidentIssues {

    /** A list's filter: a status, or only the overdue ones; {@code under} narrows it to a unit's subtree. */
    public record Filter(ResidentIssue.Status status, boolean overdue, Long under) {
    }

    /** An issue as lists show it: the reporter is a name, a staff account, or nobody (anonymous). */
    public record IssueRow(ResidentIssue issue, String unitName, String reporter, String assignee, boolean overdue) {
    }

    public record IssueList(OrganizationDirectory.OrganizationRef unit, Page<IssueRow> rows, long overdue) {
    }

    /** An issue's page for staff. */
    public record IssuePage(IssueRow row, String place, String councilName, String meetingTitle, List<ResidentIssue.Event> history,
                            List<Long> photoIds, boolean memberCloses, List<PersonCard> assignees) {
    }

    /** A compound with its buildings: where an issue may be. */
    public record Place(Compound compound, List<Building> buildings) {
    }

    static final int MAX_EXPORT_ROWS = 10_000;

    private final ResidentIssueRepository issues;
    private final IssueRecords records;
    private final Groups groups;
    private final People people;
    private final Notifications notifications;
    private final Dictionaries dictionaries;
    private final UnitLookup units;
    private final Actors actors;
    private final AuditTrail audit;
    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;

    ResidentIssues(ResidentIssueRepository issues, IssueRecords records, Groups groups, People people, Notifications notifications,
                   Dictionaries dictionaries,
                   UnitLookup units, Actors actors, AuditTrail audit, Reach reach, JdbcClient jdbc, Clock clock) {
        this.issues = issues;
        this.records = records;
        this.groups = groups;
        this.people = people;
        this.notifications = notifications;
        this.dictionaries = dictionaries;
        this.units = units;
        this.actors = actors;
        this.audit = audit;
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- lists ---

    /**
     * The issues of a subtree, newest first, or the overdue ones, longest overdue first. The whole
     * county's lists read no organisation at all: a path's share of the tree is unknown to a plan
     * prepared once for every subtree, and it would walk the tree for the county.
     */
    @Transactional(readOnly = true)
    public IssueList list(Filter filter, Pageable pageable) {
        requireStaff();
        OrganizationDirectory.OrganizationRef unit = reach.unit(filter.under());
        LocalDate today = LocalDate.now(clock);
        String scope = unit.path().equals(units.root().getPath()) ? "true"
                : "i.organization_id in (select o.id from organization o where o.path like :prefix || '%')";
        String overdue = "i.status in ('NEW', 'ACCEPTED', 'IN_PROGRESS') and i.due_on < :today";
        String where = " from resident_issue i where " + scope + " and "
                + (filter.overdue() ? overdue : filter.status() == null ? "true" : "i.status = :status");
        String order = filter.overdue() ? "i.due_on, i.id" : "i.created_at desc, i.id desc";
        Map<String, Object> parameters = Map.of("prefix", unit.path(), "today", Date.valueOf(today),
                "status", filter.status() == null ? "" : filter.status().name());
        List<Long> ids = jdbc.sql("select i.id" + where + " order by " + order + " limit :size offset :offset").params(parameters)
                .param("size", pageable.getPageSize()).param("offset", pageable.getOffset()).query(Long.class).list();
        long total = jdbc.sql("select count(*)" + where).params(parameters).query(Long.class).single();
        long overdueCount = filter.overdue() ? total
                : jdbc.sql("select count(*) from resident_issue i where " + scope + " and " + overdue).params(parameters)
                        .query(Long.class).single();
        return new IssueList(unit, new PageImpl<>(rows(inOrder(ids), today), pageable, total), overdueCount);
    }

    /**
     * The issues of a subtree as an xlsx sheet, up to {@value #MAX_EXPORT_ROWS}, written to the audit
     * log like the ledger's export; an anonymous reporter is not in it.
     */
    @Transactional
    public void export(Filter filter, Function<String, String> texts, OutputStream out) {
        IssueList list = list(filter, Pageable.ofSize(MAX_EXPORT_ROWS));
        audit.record("ISSUE_EXPORT", "organization:" + list.unit().id(), list.rows().getNumberOfElements() + " rows");
        IssueSheet.write(list.rows().getContent(), dictionaries.snapshot(), texts, this::place, clock.getZone(), out);
    }

    @Transactional(readOnly = true)
    public IssuePage page(long id) {
        ResidentIssue issue = reached(id);
        IssueRow row = rows(List.of(issue), LocalDate.now(clock)).get(0);
        String council = issue.getCouncilId() == null ? null
                : groups.byIds(List.of(issue.getCouncilId())).get(issue.getCouncilId()).getName();
        String meeting = issue.getMeetingId() == null ? null : jdbc.sql("select title from activity where id = ?")
                .param(issue.getMeetingId()).query(String.class).single();
        return new IssuePage(row, place(issue), council, meeting, records.history(id), records.photoIds(id), issue.hasMemberReporter(),
                issue.getStatus().isOpen() ? assignees(issue) : List.of());
    }

    /** Who may be given an issue: the members of the councils of its unit, as staff reaching them see them. */
    private List<PersonCard> assignees(ResidentIssue issue) {
        Organization unit = units.organization(issue.getOrganizationId()).orElseThrow();
        Set<Long> ids = new LinkedHashSet<>();
        groups.councilsWithin(unit.getPath()).stream().limit(20)
                .forEach(c -> groups.activeMemberships(c.id()).forEach(m -> ids.add(m.getPersonId())));
        Map<Long, PersonCard> cards = people.cards(ids);
        return ids.stream().map(cards::get).filter(c -> c != null && c.reached()).limit(100).toList();
    }

    // --- raising ---

    /** The compounds of a unit's subtree with their buildings, for the form that raises an issue there. */
    @Transactional(readOnly = true)
    public List<Place> places(long organizationId) {
        requireStaff();
        reach.requireOrganization(organizationId);
        Organization unit = units.organization(organizationId).orElseThrow();
        return placesOf(units.compoundsWithin(units.branchIdsWithin(unit.getPath())));
    }

    List<Place> placesOf(List<Compound> compounds) {
        Map<Long, List<Building>> buildings = units.buildingsOf(compounds.stream().map(Compound::getId).toList()).stream()
                .collect(Collectors.groupingBy(Building::getCompoundId));
        return compounds.stream().map(c -> new Place(c, buildings.getOrDefault(c.getId(), List.of()))).toList();
    }

    /** Staff raise an issue for a unit of their reach, perhaps for one of its councils. */
    @Transactional
    public long raise(ResidentIssue.Report given) {
        Actor actor = requireStaff();
        ResidentIssue.Report report = new ResidentIssue.Report(given.organizationId(), given.councilId(), given.scope(), given.nature(),
                compoundOf(given.compoundId(), given.buildingId()), given.buildingId(), given.title(), given.description());
        checked(report);
        ResidentIssue issue = issues.save(ResidentIssue.byStaff(report, actor.username(), clock.instant()));
        records.step(issue, "RAISED", actor.username(), null);
        return issue.getId();
    }

    /**
     * Checks what a report names: a unit of the caller's reach, a council hosted there, its compound
     * and building, and categories the county uses.
     */
    void checked(ResidentIssue.Report report) {
        reach.requireOrganization(report.organizationId());
        Organization unit = units.organization(report.organizationId()).orElseThrow();
        if (report.councilId() != null) {
            CommunityGroup council = groups.byIds(List.of(report.councilId())).get(report.councilId());
            if (council == null || !council.getKind().isCouncil()) {
                throw new RuleViolationException("councilId", "issue.council.invalid");
            }
            reach.require(Reach.Target.GROUP, council.getId());
        }
        checkedPlace(unit.getId(), report.compoundId(), report.buildingId());
        checkedText(report);
    }

    /** The compound given, or else that of the building given: a form may name only the building. */
    Long compoundOf(Long compoundId, Long buildingId) {
        return compoundId != null || buildingId == null ? compoundId
                : units.building(buildingId).map(Building::getCompoundId).orElse(null);
    }

    /** A compound of the unit (or of a branch under it), and a building of that compound. */
    void checkedPlace(long unitId, Long compoundId, Long buildingId) {
        if (compoundId != null) {
            Compound compound = units.compound(compoundId).orElseThrow(() -> new RuleViolationException("compoundId", "issue.place.invalid"));
            Organization branch = units.organization(compound.getBranchId()).orElseThrow();
            Organization unit = units.organization(unitId).orElseThrow();
            if (!branch.getPath().startsWith(unit.getPath())) {
                throw new RuleViolationException("compoundId", "issue.place.invalid");
            }
        }
        if (buildingId != null) {
            Building building = units.building(buildingId).orElse(null);
            if (building == null || compoundId == null || !building.getCompoundId().equals(compoundId)) {
                throw new RuleViolationException("buildingId", "issue.place.invalid");
            }
        }
    }

    void checkedText(ResidentIssue.Report report) {
        Dictionaries.Snapshot dict = dictionaries.snapshot();
        if (!dict.accepts(DictionaryKind.ISSUE_SCOPE, report.scope())) {
            throw new RuleViolationException("scope", "validation.required");
        }
        if (!dict.accepts(DictionaryKind.ISSUE_NATURE, report.nature())) {
            throw new RuleViolationException("nature", "validation.required");
        }
        if (report.title() == null || report.title().isBlank() || report.title().trim().length() > 60) {
            throw new RuleViolationException("title", "issue.title.invalid", 60);
        }
        if (report.description() == null || report.description().isBlank() || report.description().trim().length() > 2000) {
            throw new RuleViolationException("description", "issue.description.invalid", 2000);
        }
    }

    // --- the workflow ---

    /** Takes the issue on, perhaps naming who handles it and by when. */
    @Transactional
    public void accept(long id, Long assigneeId, LocalDate dueOn) {
        ResidentIssue issue = locked(id);
        issue.accept(clock.instant());
        records.step(issue, "ACCEPTED", actors.current().username(), null);
        if (assigneeId != null) {
            assign(issue, assigneeId, dueOn);
        }
    }

    @Transactional
    public void assign(long id, Long assigneeId, LocalDate dueOn) {
        ResidentIssue issue = locked(id);
        if (assigneeId == null) {
            throw new RuleViolationException("assigneeId", "validation.required");
        }
        assign(issue, assigneeId, dueOn);
    }

    private void assign(ResidentIssue issue, long assigneeId, LocalDate dueOn) {
        reach.require(Reach.Target.PERSON, assigneeId);
        issue.assign(assigneeId, dueOn, LocalDate.now(clock), clock.instant());
        PersonCard assignee = people.cards(List.of(assigneeId)).get(assigneeId);
        records.step(issue, "ASSIGNED", actors.current().username(), assignee.name() + (dueOn == null ? "" : " · " + dueOn));
        notifications.tell(assigneeId, "issue.notice.for-you", "/admin/issues/" + issue.getId(), issue.getTitle());
    }

    @Transactional
    public void start(long id) {
        ResidentIssue issue = locked(id);
        issue.start(clock.instant());
        records.step(issue, "IN_PROGRESS", actors.current().username(), null);
    }

    @Transactional
    public void resolve(long id, String resolution) {
        ResidentIssue issue = locked(id);
        String text = required(resolution, "resolution", 2000);
        issue.resolve(text, clock.instant());
        records.step(issue, "RESOLVED", actors.current().username(), text);
    }

    @Transactional
    public void reject(long id, String reason) {
        ResidentIssue issue = locked(id);
        String text = required(reason, "reason", 500);
        issue.reject(text, clock.instant());
        records.step(issue, "REJECTED", actors.current().username(), text);
    }

    /** Staff close an issue they raised themselves, with what the residents said; a member's own issue is theirs to close. */
    @Transactional
    public void close(long id, String feedback, Integer satisfaction) {
        ResidentIssue issue = locked(id);
        if (issue.hasMemberReporter()) {
            throw RuleViolationException.of("issue.close.reporter-only");
        }
        closeWith(issue, feedback, satisfaction, actors.current().username());
    }

    void closeWith(ResidentIssue issue, String feedback, Integer satisfaction, String actor) {
        String text = feedback == null || feedback.isBlank() ? null : feedback.trim();
        if (text != null && text.length() > 1000) {
            throw new RuleViolationException("feedback", "issue.text.too-long", 1000);
        }
        if (satisfaction == null) {
            throw new RuleViolationException("satisfaction", "issue.satisfaction.range");
        }
        issue.close(text, satisfaction, clock.instant());
        records.step(issue, "CLOSED", actor, text);
    }

    @Transactional
    public long addPhoto(long id, byte[] bytes) {
        return records.addPhoto(reached(id).getId(), bytes);
    }

    @Transactional(readOnly = true)
    public ResidentIssue.PhotoFile photo(long id, long photoId) {
        return records.photo(reached(id).getId(), photoId);
    }

    /** Notes that a council's meeting discussed the issue; called by {@link Councils} for issues its council may take up. */
    void discussedAt(ResidentIssue issue, long meetingId, String meetingTitle) {
        issue.discussedAt(meetingId, clock.instant());
        records.step(issue, "DISCUSSED", actors.current().username(), meetingTitle);
    }

    // --- rules ---

    private ResidentIssue reached(long id) {
        requireStaff();
        reach.require(Reach.Target.ISSUE, id);
        return issues.findById(id).orElseThrow(() -> new NotFoundException("issue", id));
    }

    private ResidentIssue locked(long id) {
        requireStaff();
        reach.require(Reach.Target.ISSUE, id);
        return issues.lock(id).orElseThrow(() -> new NotFoundException("issue", id));
    }

    private Actor requireStaff() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }

    private List<ResidentIssue> inOrder(List<Long> ids) {
        Map<Long, ResidentIssue> byId = issues.findAllById(ids).stream().collect(Collectors.toMap(ResidentIssue::getId, Function.identity()));
        return ids.stream().map(byId::get).toList();
    }

    /** Rows for staff: a named reporter and the assignee by name (masked outside the caller's reach); an anonymous one as nobody. */
    List<IssueRow> rows(List<ResidentIssue> list, LocalDate today) {
        Set<Long> personIds = new HashSet<>();
        list.forEach(i -> {
            if (i.getReporterPersonId() != null) {
                personIds.add(i.getReporterPersonId());
            }
            if (i.getAssigneePersonId() != null) {
                personIds.add(i.getAssigneePersonId());
            }
        });
        Map<Long, PersonCard> cards = people.cards(personIds);
        Map<Long, Organization> unitsById = units.organizations(list.stream().map(ResidentIssue::getOrganizationId).collect(Collectors.toSet()));
        return list.stream().map(i -> new IssueRow(i, nameOf(unitsById.get(i.getOrganizationId())),
                i.getReporterPersonId() != null ? cards.get(i.getReporterPersonId()).name() : i.getRaisedBy(),
                i.getAssigneePersonId() == null ? null : cards.get(i.getAssigneePersonId()).name(), i.isOverdueOn(today))).toList();
    }

    String place(ResidentIssue issue) {
        String compound = issue.getCompoundId() == null ? null : units.compound(issue.getCompoundId()).map(Compound::getName).orElse(null);
        String building = issue.getBuildingId() == null ? null : units.building(issue.getBuildingId()).map(Building::getName).orElse(null);
        return compound == null ? null : building == null ? compound : compound + " " + building;
    }

    private static String required(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new RuleViolationException(field, "validation.required");
        }
        if (text.trim().length() > max) {
            throw new RuleViolationException(field, "issue.text.too-long", max);
        }
        return text.trim();
    }

    private static String nameOf(Organization unit) {
        return unit == null ? null : unit.getName();
    }
}
