package com.countyleague.group;

import java.time.Instant;
import java.util.List;

/**
 * What the activities module tells a growth record: the group's activities a person attended. The
 * group module declares it and the activity module implements it, so dependencies keep pointing one
 * way (activity → group).
 */
public interface GroupActivities {

    record Attended(long activityId, String title, Instant at, int serviceMinutes) {
    }

    List<Attended> attendedBy(long groupId, long personId);
}
