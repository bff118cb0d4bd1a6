package com.countyleague.activity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;


import javax.imageio.ImageIO;
import com.countyleague.account.Actors;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonSearch;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's activities: three months of every type across the community branches, the dance
 * group's weekly practice and the youth council's monthly meetings, with check-ins and records; an
 * activity in progress to try the check-in screen on; activities to sign up for; an online task.
 */
@Component
@Profile("demo")
@Order(DemoActivities.ORDER)
class DemoActivities implements ApplicationRunner {

    static final int ORDER = 500;
    private static final Activity.Type[] TYPES = Activity.Type.values();
    private static final String[][] TITLES = {
            {"垃圾分类入户宣传", "社区环境清洁日", "老年人智能手机教学"},
            {"主题团日：学习团章", "团员教育评议", "“青年大学习”交流会"},
            {"周末桌游夜", "书法体验课", "社区篮球友谊赛"},
            {"红色场馆讲解实践", "职业体验开放日", "社区营造工作坊"},
            {"青年圆桌会：停车难", "青年圆桌会：电动车充电", "青年圆桌会：快递柜"},
            {"团代表联络点接访日", "青年议事接访日", "团代表进社区接访"},
            {"新团员入团仪式", "青年联谊活动", "社区文化节筹备会"}};

    private final Activities activities;
    private final ActivityRepository repository;
    private final Groups groups;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Random random = new Random(2026);
    /** Ratings draw from their own sequence, so that the rest of the demo stays as it was. */
    private final Random ratings = new Random(5);
    private static final int[] SCORES = {5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 3, 3, 2, 1};

    DemoActivities(Activities activities, ActivityRepository repository, Groups groups, People people, UnitLookup units, Actors actors,
                   JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.repository = repository;
        this.groups = groups;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.count() > 0) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        Map<String, Organization> byCode = units.byCode();
        List<Organization> branches = List.of("DC-LH-01", "DC-LH-02", "DC-JJ-01", "DC-CN-01").stream()
                .filter(byCode::containsKey).map(byCode::get).toList();
        if (branches.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        int n = 0;
        for (int week = 12; week >= 1; week--) {
            for (Organization branch : branches) {
                if ((week + n) % 2 == 0) {
                    Activity.Type type = TYPES[n % TYPES.length];
                    Instant start = at(today.minusWeeks(week).plusDays(n % 5), 9 + n % 6);
                    long id = held(branch.getId(), null, type, TITLES[type.ordinal()][n % 3], start, Duration.ofHours(2),
                            type == Activity.Type.VOLUNTEER_SERVICE ? new BigDecimal("2") : null, null);
                    attend(id, branchPeople(branch.getId()), 6 + n % 10);
                }
                n++;
            }
        }
        for (CommunityGroup group : groups.inReach()) {
            if (group.getName().equals("翠湖社区舞蹈团")) {
                for (int week = 8; week >= 1; week--) {
                    long id = held(group.getHostOrgId(), group.getId(), Activity.Type.INTEREST, "舞蹈团每周排练",
                            at(today.minusWeeks(week).with(DayOfWeek.SATURDAY), 19), Duration.ofMinutes(90), null, null);
                    attend(id, groups.activeMembers(group.getId()), 8);
                }
            }
            if (group.getKind() == GroupKind.YOUTH_COUNCIL) {
                for (int month = 3; month >= 1; month--) {
                    long id = held(group.getHostOrgId(), group.getId(), Activity.Type.COUNCIL_MEETING, "青年圆桌会月度议事",
                            at(today.minusMonths(month).withDayOfMonth(15), 14), Duration.ofHours(2), null, null);
                    attend(id, groups.activeMembers(group.getId()), 8);
                }
            }
        }
        long home = branches.get(0).getId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        activities.publish(activities.create(details(home, null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                "楼道杂物清理志愿行动", now.minus(Duration.ofMinutes(20)), Duration.ofHours(3), null, new BigDecimal("3"))));
        activities.publish(activities.create(details(home, null, Activity.Type.ORGANISATIONAL_LIFE, Activity.Mode.OFFLINE,
                "12月主题团日", at(today.plusDays(7), 14), Duration.ofHours(2), 30, null)));
        activities.publish(activities.create(details(home, null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                "冬季关爱独居老人走访", at(today.plusDays(10), 9), Duration.ofHours(3), 12, new BigDecimal("3"))));
        activities.publish(activities.create(details(home, null, Activity.Type.PRACTICE, Activity.Mode.ONLINE,
                "线上打卡：读一本红色经典", now.minus(Duration.ofDays(2)), Duration.ofDays(12), null, null)));
        reviewWork(home);
    }

    /**
     * What waits for review: a back-fill of 翠湖's last service activity (someone who forgot to check in,
     * with a photo of the paper sign-in sheet) and a presence flagged for checking in again and again.
     */
    private void reviewWork(long home) {
        Instant now = clock.instant();
        jdbc.sql("""
                        select a.id, a.starts_at, a.ends_at from activity a
                        where a.host_org_id = ? and a.type = 'VOLUNTEER_SERVICE' and a.ends_at < ? order by a.ends_at desc limit 1""")
                .params(home, Timestamp.from(now.minus(Duration.ofHours(3))))
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3)}).optional().ifPresent(last -> {
                    long activity = (Long) last[0];
                    jdbc.sql("""
                                    select p.id from person p where p.organization_id = ? and p.status = 'ACTIVE'
                                      and not exists (select 1 from attendance t where t.activity_id = ? and t.person_id = p.id)
                                    order by p.id limit 1""").params(home, activity).query(Long.class).optional().ifPresent(person -> {
                        long backfill = jdbc.sql("""
                                        insert into backfill (activity_id, person_id, checked_in_at, checked_out_at, reason, requested_by, by_member,
                                                              status, created_at, version)
                                        values (?, ?, ?, ?, '手机没电未能扫码，纸质签到表有签名', 'secretary', false, 'PENDING', ?, 0)
                                        returning id""")
                                .params(activity, person, last[1], last[2], Timestamp.from(now)).query(Long.class).single();
                        jdbc.sql("insert into backfill_evidence (backfill_id, content_type, bytes, created_at) values (?, 'image/png', ?, ?)")
                                .params(backfill, sheetPhoto(), Timestamp.from(now)).update();
                    });
                    jdbc.sql("""
                            insert into attendance_flag (attendance_id, rule, detail, flagged_at, status, version)
                            select t.id, 'MANY_SCANS', '5 / day', ?, 'OPEN', 0 from attendance t where t.activity_id = ? order by t.id limit 1""")
                            .params(Timestamp.from(now), activity).update();
                });
    }

    /** A small picture standing for a photo of a sign-in sheet. */
    private static byte[] sheetPhoto() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 8; y < 48; y += 8) {
            for (int x = 4; x < 60; x++) {
                image.setRGB(x, y, 0xFFFFFF);
            }
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long held(long host, Long group, Activity.Type type, String title, Instant start, Duration length, BigDecimal hours,
                      Integer capacity) {
        long id = activities.create(details(host, group, type, Activity.Mode.OFFLINE, title, start, length, capacity, hours));
        activities.publish(id);
        if (random.nextInt(3) > 0) {
            activities.writeRecord(id, "活动按计划开展，参与青年反响良好。" + title + "的照片和签到表已归档。");
        }
        return id;
    }

    /**
     * Check-ins and sign-outs around the activity's times, as scans and codes would have recorded them,
     * with the events a real check-in publishes (the points bank pays for them after commit).
     */
    private void attend(long activityId, List<Long> candidates, int how) {
        Activity activity = repository.findById(activityId).orElseThrow();
        List<Long> pool = new ArrayList<>(candidates);
        Collections.shuffle(pool, random);
        for (long person : pool.subList(0, Math.min(how, pool.size()))) {
            Instant in = activity.getStartsAt().plus(Duration.ofMinutes(random.nextInt(25) - 15));
            Instant out = activity.getEndsAt().plus(Duration.ofMinutes(random.nextInt(30) - 20));
            Attendance.Method method = random.nextBoolean() ? Attendance.Method.QR : Attendance.Method.CODE;
            int minutes = activity.serviceMinutes(in, out);
            long attendance = jdbc.sql("""
                            insert into attendance (activity_id, person_id, checked_in_at, check_in_method, checked_out_at,
                                                    check_out_method, service_minutes, confirmed_at, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 0)
                            returning id
                            """)
                    .params(activityId, person, Timestamp.from(in), method.name(), Timestamp.from(out), method.name(), minutes,
                            Timestamp.from(out))
                    .query(Long.class).single();
            events.publishEvent(new MemberCheckedIn(attendance, activityId, activity.getTitle(), person, activity.getGroupId(), activity.getHostOrgId(),
                    activity.getType(), method, in));
            events.publishEvent(new AttendanceConfirmed(attendance, activityId, activity.getTitle(), person, activity.getType(), minutes,
                    out));
            if (activity.getGroupId() != null) {
                groups.noteAttendance(activity.getGroupId(), person, in);
            }
            // most of those who came rate a past activity afterwards
            if (activity.getEndsAt().isBefore(clock.instant()) && ratings.nextInt(10) < 6) {
                jdbc.sql("insert into activity_rating (activity_id, person_id, score, comment, rated_at) values (?, ?, ?, null, ?)")
                        .params(activityId, person, SCORES[ratings.nextInt(SCORES.length)], Timestamp.from(out.plus(Duration.ofHours(3))))
                        .update();
            }
        }
    }

    private List<Long> branchPeople(long branch) {
        List<Long> ids = new ArrayList<>();
        for (Ledger ledger : Ledger.values()) {
            people.search(new PersonSearch(ledger, branch, null, null, null, null, null, null, null, null, null, null, null), PageRequest.of(0, 60))
                    .forEach(p -> ids.add(p.id()));
        }
        return ids;
    }

    private Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).toInstant();
    }

    private static Activity.Details details(long host, Long group, Activity.Type type, Activity.Mode mode, String title, Instant start,
                                            Duration length, Integer capacity, BigDecimal hours) {
        return new Activity.Details(group == null ? host : null, group, type, mode, title, null, mode == Activity.Mode.ONLINE ? null : "社区党群服务中心",
                start, start.plus(length), null, null, capacity, hours);
    }
}
