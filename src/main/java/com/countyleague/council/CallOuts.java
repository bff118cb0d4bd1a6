package com.countyleague.council;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Urgent call-outs (急难险重新) to a commando or volunteer team: staff send what, where, when and how
 * many; each member answers from the notice on their phone; the task is an activity of the team, so
 * who turned up is who checked in. A call-out is staffed, and takes no more "coming", once enough are.
 */
@Service
public class CallOuts {

    /** What a call-out asks. */
    public record Draft(Long groupId, String title, String place, LocalDateTime startsAt, LocalDateTime endsAt, Integer needed) {
    }

    public record CallOutRow(CallOut callOut, String teamName, long coming, long notComing) {
    }

    public record Answer(PersonCard person, boolean coming) {
    }

    public record CallOutPage(CallOut callOut, String teamName, Activities.ActivityPage activity, List<Answer> answers, long coming) {
    }

    /** A call-out as a team member sees it, with their own answer ({@code null} before they answer). */
    public record MyCallOut(CallOut callOut, String teamName, Activities.Held task, Boolean mine, long coming) {

        /** "Coming" is taken while the call-out is open, and stands for whoever said it already. */
        public boolean isComingOffered() {
            return callOut.isOpen() || Boolean.TRUE.equals(mine);
        }
    }

    private static final Set<GroupKind> TEAMS = Set.of(GroupKind.COMMANDO_TEAM, GroupKind.VOLUNTEER_TEAM);

    private final CallOutRepository callOuts;
    private final Groups groups;
    private final Activities activities;
    private final People people;
    private final Notifications notifications;
    private final Actors actors;
    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;

    CallOuts(CallOutRepository callOuts, Groups groups, Activities activities, People people, Notifications notifications, Actors actors,
             Reach reach, JdbcClient jdbc, Clock clock) {
        this.callOuts = callOuts;
        this.groups = groups;
        this.activities = activities;
        this.people = people;
        this.notifications = notifications;
        this.actors = actors;
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The call-outs of the caller's reach, newest first. */
    @Transactional(readOnly = true)
    public List<CallOutRow> list() {
        Actor actor = actors.current();
        actor.requireStaff();
        List<CallOut> found = callOuts.within(actor.scopePrefix());
        Map<Long, long[]> counts = counts(found.stream().map(CallOut::getId).toList());
        Map<Long, CommunityGroup> teams = groups.byIds(found.stream().map(CallOut::getGroupId).collect(Collectors.toSet()));
        return found.stream().map(c -> new CallOutRow(c, teams.get(c.getGroupId()).getName(), counts.getOrDefault(c.getId(), new long[2])[0],
                counts.getOrDefault(c.getId(), new long[2])[1])).toList();
    }

    /** The teams a call-out may go to: commando and volunteer teams of the caller's reach. */
    @Transactional(readOnly = true)
    public List<CommunityGroup> teams() {
        return groups.inReach().stream().filter(g -> TEAMS.contains(g.getKind())).toList();
    }

    /** Sends a call-out: the task becomes an activity of the team, and every active member is told. */
    @Transactional
    public long send(Draft draft) {
        Actor actor = actors.current();
        actor.requireStaff();
        if (draft.groupId() == null) {
            throw new RuleViolationException("groupId", "validation.required");
        }
        reach.require(Reach.Target.GROUP, draft.groupId());
        CommunityGroup team = groups.byIds(List.of(draft.groupId())).get(draft.groupId());
        if (!TEAMS.contains(team.getKind())) {
            throw new RuleViolationException("groupId", "callout.team.invalid");
        }
        if (draft.needed() == null || draft.needed() < 1 || draft.needed() > 500) {
            throw new RuleViolationException("needed", "callout.needed.range", 1, 500);
        }
        if (draft.place() == null || draft.place().isBlank() || draft.place().trim().length() > 200) {
            throw new RuleViolationException("place", "issue.text.too-long", 200);
        }
        if (draft.startsAt() == null || draft.endsAt() == null) {
            throw new RuleViolationException(draft.startsAt() == null ? "startsAt" : "endsAt", "validation.required");
        }
        ZoneId zone = clock.getZone();
        long activity = activities.create(new Activity.Details(null, team.getId(), Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                draft.title(), null, draft.place(), draft.startsAt().atZone(zone).toInstant(), draft.endsAt().atZone(zone).toInstant(),
                null, null, null, null));
        activities.publish(activity);
        CallOut callOut = callOuts.save(new CallOut(team.getId(), team.getHostOrgId(), activity, draft.title().trim(), draft.place().trim(),
                draft.needed(), actor.username(), clock.instant()));
        for (long member : groups.activeMembers(team.getId())) {
            notifications.tell(member, "callout.notice", "/me/call-outs/" + callOut.getId(), team.getName(), callOut.getTitle());
        }
        return callOut.getId();
    }

    @Transactional(readOnly = true)
    public CallOutPage page(long id) {
        CallOut callOut = reached(id);
        Map<Long, Boolean> answers = answers(id);
        Map<Long, PersonCard> cards = people.cards(answers.keySet(), answers.keySet());
        List<Answer> list = answers.entrySet().stream().map(e -> new Answer(cards.get(e.getKey()), e.getValue()))
                .sorted((a, b) -> Boolean.compare(b.coming(), a.coming())).toList();
        return new CallOutPage(callOut, groups.byIds(List.of(callOut.getGroupId())).get(callOut.getGroupId()).getName(),
                activities.page(callOut.getActivityId()), list, list.stream().filter(Answer::coming).count());
    }

    @Transactional
    public void close(long id) {
        actors.current().requireStaff();
        reach.require(Reach.Target.CALL_OUT, id);
        callOuts.lock(id).orElseThrow().close();
    }

    /** The call-outs of the teams the member is in. */
    @Transactional(readOnly = true)
    public List<MyCallOut> mine() {
        long personId = actors.current().requirePerson();
        List<Long> teams = groups.activeGroupsOf(personId);
        return views(callOuts.findTop50ByGroupIdInOrderByCreatedAtDesc(teams.isEmpty() ? List.of(-1L) : teams), personId);
    }

    @Transactional(readOnly = true)
    public MyCallOut mine(long id) {
        long personId = actors.current().requirePerson();
        return views(List.of(forMember(id, personId)), personId).get(0);
    }

    /** A member answers: coming or not. "Coming" is refused once the call-out is staffed or closed. */
    @Transactional
    public void answer(long id, boolean coming) {
        long personId = actors.current().requirePerson();
        CallOut callOut = callOuts.lock(id).orElseThrow(() -> new NotFoundException("call-out", id));
        if (!groups.isActiveMember(callOut.getGroupId(), personId)) {
            throw new NotFoundException("call-out", id);
        }
        Boolean before = answers(id).get(personId);
        if (Boolean.valueOf(coming).equals(before)) {
            return;
        }
        long comingNow = answers(id).values().stream().filter(Boolean::booleanValue).count();
        if (coming) {
            callOut.takeYes(comingNow);
        } else if (callOut.isClosed()) {
            throw RuleViolationException.of("callout.closed");
        } else if (Boolean.TRUE.equals(before)) {
            callOut.loseYes(comingNow - 1);
        }
        jdbc.sql("""
                        insert into call_out_answer (call_out_id, person_id, coming, answered_at) values (?, ?, ?, ?)
                        on conflict (call_out_id, person_id) do update set coming = excluded.coming, answered_at = excluded.answered_at""")
                .params(id, personId, coming, Timestamp.from(clock.instant())).update();
    }

    /** Call-outs as a member sees them, read at once: their teams, tasks, how many are coming, and the member's own answers. */
    private List<MyCallOut> views(List<CallOut> found, long personId) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(CallOut::getId).toList();
        Map<Long, long[]> counts = counts(ids);
        Map<Long, Boolean> own = new HashMap<>();
        jdbc.sql("select call_out_id, coming from call_out_answer where person_id = ? and call_out_id = any(?)")
                .params(personId, ids.toArray(Long[]::new)).query((rs, n) -> own.put(rs.getLong(1), rs.getBoolean(2))).list();
        Map<Long, CommunityGroup> teams = groups.byIds(found.stream().map(CallOut::getGroupId).collect(Collectors.toSet()));
        Map<Long, Activities.Held> tasks = activities.held(found.stream().map(CallOut::getActivityId).toList()).stream()
                .collect(Collectors.toMap(Activities.Held::id, h -> h));
        return found.stream().map(c -> new MyCallOut(c, teams.get(c.getGroupId()).getName(), tasks.get(c.getActivityId()),
                own.get(c.getId()), counts.getOrDefault(c.getId(), new long[2])[0])).toList();
    }

    /** A call-out of a team the member is in; any other is answered as absent. */
    private CallOut forMember(long id, long personId) {
        CallOut callOut = callOuts.findById(id).orElseThrow(() -> new NotFoundException("call-out", id));
        if (!groups.isActiveMember(callOut.getGroupId(), personId)) {
            throw new NotFoundException("call-out", id);
        }
        return callOut;
    }

    private CallOut reached(long id) {
        actors.current().requireStaff();
        reach.require(Reach.Target.CALL_OUT, id);
        return callOuts.findById(id).orElseThrow(() -> new NotFoundException("call-out", id));
    }

    private Map<Long, Boolean> answers(long id) {
        Map<Long, Boolean> answers = new HashMap<>();
        jdbc.sql("select person_id, coming from call_out_answer where call_out_id = ? order by answered_at").param(id)
                .query((rs, n) -> answers.put(rs.getLong(1), rs.getBoolean(2))).list();
        return answers;
    }

    private Map<Long, long[]> counts(List<Long> ids) {
        Map<Long, long[]> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            select call_out_id, count(*) filter (where coming), count(*) filter (where not coming)
                            from call_out_answer where call_out_id = any(?) group by call_out_id""")
                    .param(ids.toArray(Long[]::new))
                    .query((rs, n) -> counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        }
        return counts;
    }
}
