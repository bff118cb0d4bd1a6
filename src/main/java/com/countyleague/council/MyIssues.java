package com.countyleague.council;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.countyleague.account.Actors;
import com.countyleague.member.People;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' issues as a member reports and follows them on their phone: in their own name or
 * anonymously, for a compound of their branch; they see each step and close it with their word.
 * An issue that is not theirs is answered as absent.
 */
@Service
public class MyIssues {

    /** What a member reports. {@code compoundId} and {@code buildingId} default to where they live. */
    public record Report(String scope, String nature, Long compoundId, Long buildingId, String title, String description,
                         boolean anonymous, byte[] photo) {
    }

    /** The member's own issue with its history and photos. */
    public record MyIssue(ResidentIssue issue, String place, List<ResidentIssue.Event> history, List<Long> photoIds,
                          boolean overdue) {
    }

    /** Where a member may say an issue is: the compounds of their branch with their buildings, and their own. */
    public record Places(List<ResidentIssues.Place> compounds, Long ownCompoundId, Long ownBuildingId) {
    }

    private final ResidentIssueRepository issues;
    private final ResidentIssues staffSide;
    private final IssueRecords records;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final Clock clock;

    MyIssues(ResidentIssueRepository issues, ResidentIssues staffSide, IssueRecords records, People people, UnitLookup units,
             Actors actors, Clock clock) {
        this.issues = issues;
        this.staffSide = staffSide;
        this.records = records;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Places places() {
        People.Standing me = people.standing(actors.current().requirePerson());
        return new Places(staffSide.placesOf(units.compoundsOf(me.organizationId())), me.compoundId(), me.buildingId());
    }

    /** Reports an issue to the member's branch; anonymously, the issue keeps no trace of who reported it. */
    @Transactional
    public long report(Report report) {
        long personId = actors.current().requirePerson();
        People.Standing me = people.standing(personId);
        boolean own = report.compoundId() == null && report.buildingId() == null;
        Long compound = own ? me.compoundId() : staffSide.compoundOf(report.compoundId(), report.buildingId());
        Long building = own ? me.buildingId() : report.buildingId();
        ResidentIssue.Report checked = new ResidentIssue.Report(me.organizationId(), null, report.scope(), report.nature(),
                compound, building, report.title(), report.description());
        staffSide.checkedPlace(me.organizationId(), compound, building);
        staffSide.checkedText(checked);
        ResidentIssue issue = issues.save(ResidentIssue.byMember(checked, report.anonymous() ? null : personId, clock.instant()));
        if (report.anonymous()) {
            records.keepApart(issue, personId);
        }
        if (report.photo() != null && report.photo().length > 0) {
            records.addPhoto(issue.getId(), report.photo());
        }
        records.step(issue, "RAISED", report.anonymous() ? null : actors.current().username(), null);
        return issue.getId();
    }

    /** The member's issues, named and anonymous, newest first. */
    @Transactional(readOnly = true)
    public List<ResidentIssue> mine() {
        long personId = actors.current().requirePerson();
        List<ResidentIssue> mine = new ArrayList<>(issues.findByReporterPersonIdOrderByCreatedAtDesc(personId));
        mine.addAll(issues.reportedAnonymouslyBy(personId));
        mine.sort(Comparator.comparing(ResidentIssue::getCreatedAt).reversed());
        return mine;
    }

    @Transactional(readOnly = true)
    public MyIssue issue(long id) {
        ResidentIssue issue = own(id);
        return new MyIssue(issue, staffSide.place(issue), records.history(id), records.photoIds(id), issue.isOverdueOn(LocalDate.now(clock)));
    }

    /** The reporter closes a resolved issue with their word and how satisfied they are. */
    @Transactional
    public void close(long id, String feedback, Integer satisfaction) {
        ResidentIssue issue = own(issues.lock(id), id);
        staffSide.closeWith(issue, feedback, satisfaction, issue.isAnonymous() ? null : actors.current().username());
    }

    @Transactional
    public long addPhoto(long id, byte[] bytes) {
        return records.addPhoto(own(id).getId(), bytes);
    }

    @Transactional(readOnly = true)
    public ResidentIssue.PhotoFile photo(long id, long photoId) {
        return records.photo(own(id).getId(), photoId);
    }

    private ResidentIssue own(long id) {
        return own(issues.findById(id), id);
    }

    /** The caller's own issue, named or anonymous; anyone else's is answered as absent. */
    private ResidentIssue own(Optional<ResidentIssue> found, long id) {
        long personId = actors.current().requirePerson();
        ResidentIssue issue = found.orElseThrow(() -> new NotFoundException("issue", id));
        if (!records.reporterOf(issue).map(p -> Objects.equals(p, personId)).orElse(false)) {
            throw new NotFoundException("issue", id);
        }
        return issue;
    }
}
