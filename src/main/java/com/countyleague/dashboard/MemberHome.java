package com.countyleague.dashboard;

import com.countyleague.account.Actors;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activities.MemberView;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.Person;
import com.countyleague.points.PointsBank;
import com.countyleague.volunteer.Rosters;
import com.countyleague.volunteer.Rosters.MyShift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * A member's home: their balance and tier, the activity to check in to now, their next one, this
 * week's shifts, unread notices, and the coming activities that fit their tags and skills first
 * (the source's 高匹配 delivery).
 */
@Service
public class MemberHome {

    static final int SUGGESTIONS = 5;

    public record Home(String name, PointsBank.Overview points, List<MemberView> now, MemberView next, List<MyShift> shiftsThisWeek,
                       long unread, List<MemberView> suggested) {
    }

    private final Actors actors;
    private final People people;
    private final PointsBank points;
    private final Activities activities;
    private final Rosters rosters;
    private final Notifications notifications;
    private final Clock clock;

    MemberHome(Actors actors, People people, PointsBank points, Activities activities, Rosters rosters,
               Notifications notifications, Clock clock) {
        this.actors = actors;
        this.people = people;
        this.points = points;
        this.activities = activities;
        this.rosters = rosters;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Each part asks its own module in its own transaction; the home shows what each answers. */
    public Home home() {
        Person me = people.visible(actors.current().requirePerson());
        List<MemberView> coming = activities.upcoming(null);
        List<MemberView> now = coming.stream().filter(v -> v.checkInOpen() || v.checkOutOpen()).toList();
        MemberView next = coming.stream().filter(v -> v.mine() != null && !now.contains(v))
                .min(Comparator.comparing(v -> v.activity().getStartsAt())).orElse(null);
        List<String> interests = interests(me);
        List<MemberView> suggested = coming.stream()
                .filter(v -> v.mine() == null && v.attendance() == null && v.signupOpen() && !now.contains(v))
                .sorted(Comparator.comparingInt((MemberView v) -> -matches(v, interests)).thenComparing(v -> v.activity().getStartsAt()))
                .limit(SUGGESTIONS).toList();
        LocalDate weekEnd = LocalDate.now(clock).plusDays(7);
        List<MyShift> shifts = rosters.mine().upcoming().stream().filter(s -> s.shift().getDay().isBefore(weekEnd)).toList();
        return new Home(me.getName(), points.mine(PageRequest.of(0, 1)), now, next, shifts, notifications.unread(), suggested);
    }

    /** The member's tags and the words of their skills, lower-cased, for matching against an activity's text. */
    private static List<String> interests(Person me) {
        String skills = me.getSkills() == null ? "" : me.getSkills();
        return Stream.concat(me.getTags().stream(), Arrays.stream(skills.split("[\\s,，、;；/]+")))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> s.length() >= 2).distinct().toList();
    }

    private static int matches(MemberView view, List<String> interests) {
        String text = (view.activity().getTitle() + " " + (view.activity().getDescription() == null ? "" : view.activity().getDescription()))
                .toLowerCase(Locale.ROOT);
        return (int) interests.stream().filter(text::contains).count();
    }
}
