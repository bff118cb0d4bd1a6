package com.countyleague.activity;

import java.util.List;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.org.UnitLookup;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who organises what. An activity of an organisation is run by the staff whose reach covers it; an
 * activity of a group also by whoever runs the group. Only staff record attendance by hand.
 */
@Component
class Organisers {

    /** What the caller organises: activities of these hosts (of every host when {@code whole}) and of these groups. */
    record Scope(boolean whole, List<Long> hosts, List<Long> groups) {
    }

    private final Actors actors;
    private final Reach reach;
    private final UnitLookup units;
    private final Groups groups;

    Organisers(Actors actors, Reach reach, UnitLookup units, Groups groups) {
        this.actors = actors;
        this.reach = reach;
        this.units = units;
        this.groups = groups;
    }

    Scope scope() {
        Actor actor = actors.current();
        List<Long> run = groups.run().stream().map(CommunityGroup::getId).toList();
        if (!actor.isStaff()) {
            return new Scope(false, List.of(), run);
        }
        return new Scope(actor.isCountyAdmin(), actor.isCountyAdmin() ? List.of() : units.subtreeIds(actor.scopePrefix()), run);
    }

    boolean manages(Activity activity) {
        return reach.organization(activity.getHostOrgId()) || (activity.getGroupId() != null && groups.runs(activity.getGroupId()));
    }

    void requireManager(Activity activity) {
        if (!manages(activity)) {
            throw new AccessDeniedException("Activity " + activity.getId() + " is not organised by " + actors.current().username());
        }
    }

    /** Attendance by hand is a secretary's act, with a reason, for activities within their reach. */
    void requireStaffOf(Activity activity) {
        if (!reach.organization(activity.getHostOrgId())) {
            throw new AccessDeniedException("Only staff reaching activity " + activity.getId() + " record attendance by hand");
        }
    }

    /** ... and only for people within their reach too: an activity open to all may have guests from other branches. */
    void requirePersonInReach(long personId) {
        reach.require(Reach.Target.PERSON, personId);
    }
}
