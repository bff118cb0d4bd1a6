package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import com.countyleague.account.Actors;
import com.countyleague.member.PersonRow;
import com.countyleague.member.ReviewGrade;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo county's League year so far: every branch's meetings from January to this month — 锦绣社区联合团支部
 * (DC-LH-02) behind, without a 支委会 for the last three months and no 团课 last quarter — the demo
 * branch's review round held and approved with its registration, two recommendations to the Party under
 * way, and four weeks of 青年大学习 with one branch below the line.
 */
@Component
@Profile("demo")
@Order(860)
class DemoLeagueYear implements ApplicationRunner {

    private static final String DEMO_BRANCH = "DC-LH-01";
    private static final String BEHIND = "DC-LH-02";

    private final BranchMembers branchMembers;
    private final UnitLookup units;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoLeagueYear(BranchMembers branchMembers, UnitLookup units, Actors actors, JdbcClient jdbc, Clock clock) {
        this.branchMembers = branchMembers;
        this.units = units;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from org_meeting").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (Organization branch : units.branches()) {
            List<PersonRow> members = actors.asSystem(() -> branchMembers.of(branch.getId()));
            boolean behind = branch.getCode().equals(BEHIND);
            for (int month = 1; month <= today.getMonthValue(); month++) {
                LocalDate day = LocalDate.of(today.getYear(), month, 1);
                boolean recent = today.getMonthValue() - month < 3;
                meeting(branch, MeetingKind.GROUP_MEETING, day.plusDays(9), today, members, "学习身边榜样");
                if (!(behind && recent)) {
                    meeting(branch, MeetingKind.BRANCH_COMMITTEE, day.plusDays(4), today, members, "研究本月工作");
                }
                if (month % 3 == 1) {
                    meeting(branch, MeetingKind.BRANCH_ASSEMBLY, day.plusDays(14), today, members, "通报季度工作");
                    if (!(behind && today.getMonthValue() - month >= 3 && today.getMonthValue() - month < 6)) {
                        meeting(branch, MeetingKind.LECTURE, day.plusDays(19), today, members, "团史学习");
                    }
                }
            }
            if (branch.getCode().equals(DEMO_BRANCH) && members.size() >= 4) {
                review(branch, members, today);
            }
        }
        study(today);
    }

    /**
     * A meeting on the day (when it has come): three in four members attending, in turn; the last of the branch
     * never does (on the dues page, the warning of six months without organisational life).
     */
    private void meeting(Organization branch, MeetingKind kind, LocalDate on, LocalDate today, List<PersonRow> members, String topic) {
        if (on.isAfter(today)) {
            return;
        }
        long id = jdbc.sql("""
                        insert into org_meeting (organization_id, kind, held_on, topic, minutes, members, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, 'secretary', ?) returning id""")
                .params(branch.getId(), kind.name(), Date.valueOf(on), topic, "会议围绕" + topic + "展开，与会团员逐一发言。", members.size(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        for (int i = 0; i < members.size() - 1; i++) {
            if ((i + on.getDayOfYear()) % 4 != 0) {
                jdbc.sql("insert into org_meeting_attendee (meeting_id, person_id) values (?, ?)").params(id, members.get(i).id()).update();
            }
        }
    }

    /**
     * The demo branch's review this year, at an assembly ten days ago that all but the last member attended: graded, approved
     * by the county, registered — all but one, graded 不合格 — and two of the registered recommended to the
     * Party, one awaiting its branch assembly and one the county.
     */
    private void review(Organization branch, List<PersonRow> members, LocalDate today) {
        LocalDate held = today.minusDays(10);
        long assembly = jdbc.sql("""
                        insert into org_meeting (organization_id, kind, held_on, topic, minutes, members, recorded_by, recorded_at)
                        values (?, 'BRANCH_ASSEMBLY', ?, '团员教育评议大会', '对照团员标准逐一评议，民主测评。', ?, 'secretary', ?) returning id""")
                .params(branch.getId(), Date.valueOf(held), members.size(), Timestamp.from(clock.instant())).query(Long.class).single();
        List<PersonRow> present = members.subList(0, members.size() - 1);
        present.forEach(m -> jdbc.sql("insert into org_meeting_attendee (meeting_id, person_id) values (?, ?)").params(assembly, m.id()).update());
        long round = jdbc.sql("""
                        insert into review_round (organization_id, year, meeting_id, members, attendees, status, opened_by, opened_at,
                                                  decided_by, decided_at)
                        values (?, ?, ?, ?, ?, 'APPROVED', 'secretary', ?, 'admin', ?) returning id""")
                .params(branch.getId(), held.getYear(), assembly, members.size(), present.size(), Timestamp.from(clock.instant()),
                        Timestamp.from(clock.instant()))
                .query(Long.class).single();
        int excellent = Reviews.Round.excellentLimit(members.size());
        for (int i = 0; i < members.size(); i++) {
            ReviewGrade grade = i < excellent ? ReviewGrade.EXCELLENT : i == members.size() - 1 ? ReviewGrade.UNQUALIFIED
                    : i == members.size() - 2 ? ReviewGrade.BASIC : ReviewGrade.QUALIFIED;
            jdbc.sql("insert into review_grade (round_id, person_id, grade) values (?, ?, ?)").params(round, members.get(i).id(), grade.name())
                    .update();
            jdbc.sql("insert into league_registration (person_id, year, registered, grade, decided_at) values (?, ?, ?, ?, ?)")
                    .params(members.get(i).id(), held.getYear(), grade.registers(), grade.name(), Timestamp.from(clock.instant())).update();
        }
        List<PersonRow> young = members.subList(0, members.size() - 1).stream().filter(p -> p.age() <= Recommendations.MAX_AGE).limit(2).toList();
        for (int i = 0; i < young.size(); i++) {
            jdbc.sql("""
                            insert into party_recommendation (person_id, organization_id, nominated_on, nominated_by, reason, meeting_id, status,
                                                              decided_at)
                            values (?, ?, ?, 'secretary', ?, ?, ?, ?)""")
                    .params(young.get(i).id(), branch.getId(), Date.valueOf(held.minusDays(5)), "评议优秀，志愿服务表现突出",
                            i == 0 ? assembly : null, i == 0 ? "DECIDED" : "NOMINATED", i == 0 ? Timestamp.from(clock.instant()) : null)
                    .update();
        }
    }

    /** The last four weeks of 青年大学习: four in five members of each branch, half of 锦绣社区联合团支部. */
    private void study(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int week = 4; week >= 1; week--) {
            LocalDate starts = monday.minusWeeks(week);
            long period = jdbc.sql("insert into study_period (starts_on, title, created_by, created_at) values (?, ?, 'admin', ?) returning id")
                    .params(Date.valueOf(starts), starts.getYear() + "年第" + starts.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + "期",
                            Timestamp.from(clock.instant()))
                    .query(Long.class).single();
            for (Organization branch : units.branches()) {
                List<PersonRow> members = actors.asSystem(() -> branchMembers.of(branch.getId()));
                int every = branch.getCode().equals(BEHIND) ? 2 : 5;
                for (int i = 0; i < members.size(); i++) {
                    if (i % every != every - 1) {
                        jdbc.sql("""
                                        insert into study_completion (period_id, person_id, organization_id, imported_by, imported_at)
                                        values (?, ?, ?, 'admin', ?)""")
                                .params(period, members.get(i).id(), branch.getId(), Timestamp.from(clock.instant())).update();
                    }
                }
            }
        }
    }
}
