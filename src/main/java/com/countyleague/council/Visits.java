package com.countyleague.council;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.Reach;
import com.countyleague.member.People;
import com.countyleague.member.Person;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 走访: "由团小组长负责联系本楼栋青年". A building's group leader, and the staff reaching it, log each
 * contact with its young people (how, and what they heard); a contact can raise a residents' issue in
 * the same step or put the person forward as a backbone candidate. The secretary sees, per building,
 * the share of its young people contacted this quarter.
 */
@Service
public class Visits {

    public enum Channel { VISIT, PHONE, WECHAT }

    /** A contact as logged; an issue is raised with it when {@code scope} and {@code nature} are given. */
    public record Draft(Long personId, LocalDate visitedOn, Channel channel, String heard, boolean backboneCandidate,
                        String scope, String nature) {
    }

    /** A young person of the building and when they were last contacted ({@code null}: never). */
    public record Resident(Person person, LocalDate lastContact, Channel lastChannel) {
    }

    public record BuildingPage(People.BuildingPeople building, List<Resident> residents, List<VisitRow> recent) {
    }

    public record VisitRow(long id, String personName, LocalDate visitedOn, Channel channel, String heard, String visitor,
                           boolean backboneCandidate, Long issueId) {
    }

    /** A building of the subtree: its young people and how many were contacted this quarter. */
    public record BuildingShare(long buildingId, String branchName, String compoundName, String buildingName, long youth, long contacted) {

        public long percent() {
            return youth == 0 ? 0 : Math.round(100.0 * contacted / youth);
        }

        /** Fewer than half of its young people contacted this quarter: the secretary's eye goes there first. */
        public boolean isBehind() {
            return percent() < 50;
        }
    }

    public record Overview(OrganizationDirectory.OrganizationRef unit, LocalDate quarterStart, List<BuildingShare> buildings,
                           List<VisitRow> candidates) {
    }

    private final People people;
    private final ResidentIssues residentIssues;
    private final ResidentIssueRepository issues;
    private final IssueRecords records;
    private final Actors actors;
    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;

    Visits(People people, ResidentIssues residentIssues, ResidentIssueRepository issues, IssueRecords records, Actors actors, Reach reach,
           JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.residentIssues = residentIssues;
        this.issues = issues;
        this.records = records;
        this.actors = actors;
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A building's young people with their last contact, for its group leader or the staff reaching it. */
    @Transactional(readOnly = true)
    public BuildingPage building(long buildingId) {
        People.BuildingPeople building = people.building(buildingId);
        Map<Long, Object[]> last = new HashMap<>();
        jdbc.sql("""
                        select distinct on (person_id) person_id, visited_on, channel from youth_visit
                        where building_id = ? order by person_id, visited_on desc, id desc""")
                .param(buildingId).query((rs, n) -> last.put(rs.getLong(1), new Object[] {rs.getDate(2).toLocalDate(),
                        Channel.valueOf(rs.getString(3))})).list();
        List<Resident> residents = building.people().stream().map(p -> {
            Object[] l = last.get(p.getId());
            return new Resident(p, l == null ? null : (LocalDate) l[0], l == null ? null : (Channel) l[1]);
        }).toList();
        return new BuildingPage(building, residents, rows("v.building_id = ?", buildingId));
    }

    /** Logs a contact with a young person of the building; the caller must look after the building. */
    @Transactional
    public long log(long buildingId, Draft draft) {
        Actor actor = actors.current();
        // the building's own group leader, or staff reaching it: as the building page decides
        People.BuildingPeople building = people.building(buildingId);
        if (draft.personId() == null || building.people().stream().noneMatch(p -> p.getId().equals(draft.personId()))) {
            throw new RuleViolationException("personId", "visit.person.not-here");
        }
        People.Standing person = people.standing(draft.personId());
        if (draft.visitedOn() == null || draft.visitedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolationException("visitedOn", "liaison.visited-on.invalid");
        }
        if (draft.channel() == null) {
            throw new RuleViolationException("channel", "validation.required");
        }
        if (draft.heard() == null || draft.heard().isBlank() || draft.heard().trim().length() > 2000) {
            throw new RuleViolationException("heard", "issue.text.too-long", 2000);
        }
        Long issueId = null;
        if (draft.scope() != null && !draft.scope().isBlank()) {
            String heard = draft.heard().trim();
            ResidentIssue.Report report = new ResidentIssue.Report(person.organizationId(), null, draft.scope(), draft.nature(),
                    person.compoundId(), person.buildingId(), heard.length() > 60 ? heard.substring(0, 60) : heard, heard);
            residentIssues.checkedText(report);
            ResidentIssue issue = issues.save(ResidentIssue.byStaff(report, actor.username(), clock.instant()));
            records.step(issue, "RAISED", actor.username(), null);
            issueId = issue.getId();
        }
        return jdbc.sql("""
                        insert into youth_visit (person_id, building_id, visited_on, channel, heard, visitor, backbone_candidate, issue_id,
                                                 created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(draft.personId(), person.buildingId(), Date.valueOf(draft.visitedOn()), draft.channel().name(), draft.heard().trim(),
                        actor.username(), draft.backboneCandidate(), issueId, Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    /** Per building of a subtree, the share of its young people contacted this quarter; and the backbone candidates put forward. */
    @Transactional(readOnly = true)
    public Overview overview(Long under) {
        actors.current().requireStaff();
        OrganizationDirectory.OrganizationRef unit = reach.unit(under);
        LocalDate today = LocalDate.now(clock);
        LocalDate quarter = today.with(IsoFields.DAY_OF_QUARTER, 1);
        List<BuildingShare> shares = jdbc.sql("""
                        select b.id, o.name, c.name, b.name,
                               (select count(*) from person p where p.building_id = b.id and p.status = 'ACTIVE'),
                               (select count(distinct v.person_id) from youth_visit v join person p on p.id = v.person_id
                                where v.building_id = b.id and p.status = 'ACTIVE' and v.visited_on >= :quarter)
                        from building b join compound c on c.id = b.compound_id join organization o on o.id = c.branch_id
                        where o.path like :prefix || '%'
                        order by o.name, c.name, b.name limit 500""")
                .param("prefix", unit.path()).param("quarter", Date.valueOf(quarter))
                .query((rs, n) -> new BuildingShare(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6))).list();
        List<VisitRow> candidates = rows("""
                v.backbone_candidate and not p.backbone
                  and p.organization_id in (select o.id from organization o where o.path like ? || '%')""", unit.path());
        return new Overview(unit, quarter, shares, candidates);
    }

    private List<VisitRow> rows(String where, Object parameter) {
        return jdbc.sql("""
                        select v.id, p.name, v.visited_on, v.channel, v.heard, v.visitor, v.backbone_candidate, v.issue_id
                        from youth_visit v join person p on p.id = v.person_id""" + " where " + where + " order by v.visited_on desc, v.id desc limit 100")
                .param(parameter)
                .query((rs, n) -> new VisitRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), Channel.valueOf(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), (Long) rs.getObject(8))).list();
    }
}
