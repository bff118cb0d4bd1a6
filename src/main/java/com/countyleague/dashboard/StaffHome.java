package com.countyleague.dashboard;

import com.countyleague.activity.Activities;
import com.countyleague.activity.Activities.ActivityRow;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The home pages of the people who run things: a branch secretary's "my branch today" (what waits
 * for them and this week's activities), a group leader's groups with what waits in each.
 */
@Service
public class StaffHome {

    public record Today(Dashboard.Section toDo, List<ActivityRow> thisWeek, LocalDate from, LocalDate to) {
    }

    public record LedGroup(CommunityGroup group, int pending, int waiting, int inactive) {
    }

    public record Led(List<LedGroup> groups, List<ActivityRow> thisWeek) {
    }

    private static final int WEEK_ROWS = 30;

    private final Dashboard dashboard;
    private final Activities activities;
    private final Groups groups;
    private final Clock clock;

    StaffHome(Dashboard dashboard, Activities activities, Groups groups, Clock clock) {
        this.dashboard = dashboard;
        this.activities = activities;
        this.groups = groups;
        this.clock = clock;
    }

    public Today today() {
        LocalDate today = LocalDate.now(clock);
        return new Today(dashboard.board(null, null).toDo(), week(today), today, today.plusDays(6));
    }

    public Led led() {
        List<LedGroup> led = groups.run().stream().map(g -> {
            Groups.GroupPage page = groups.page(g.getId(), PageRequest.of(0, 1));
            return new LedGroup(g, page.pending().size(), page.waiting().size(), page.inactive().size());
        }).toList();
        return new Led(led, week(LocalDate.now(clock)));
    }

    /** The activities the caller organises from today for a week, with their sign-ups and check-ins. */
    private List<ActivityRow> week(LocalDate today) {
        return activities.search(new Activities.Search(null, null, null, today, today.plusDays(6)), PageRequest.of(0, WEEK_ROWS))
                .getContent();
    }
}
