package com.countyleague.council;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.countyleague.account.Actors;
import com.countyleague.activity.Activity;
import com.countyleague.group.GroupKind;
import com.countyleague.member.People;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's governance: three councils with a year of meetings (金桂's skipped the last two
 * months), residents' issues in every state (overdue and anonymous ones among them, the demo member's
 * too), five liaison points with 35 representatives and seven reception days held, a staffed and an
 * open call-out to the commando team, and a quarter's visits in 翠湖. Does nothing when councils have met.
 */
@Component
@Profile("demo")
@Order(750)
class DemoGovernance implements ApplicationRunner {

    private final Councils councils;
    private final CouncilMeetingRepository meetings;
    private final ResidentIssueRepository issues;
    private final IssueRecords records;
    private final LiaisonPoints liaison;
    private final CallOuts callOuts;
    private final UnitLookup units;
    private final People people;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoGovernance(Councils councils, CouncilMeetingRepository meetings, ResidentIssueRepository issues, IssueRecords records,
                   LiaisonPoints liaison, CallOuts callOuts, UnitLookup units, People people, Actors actors, JdbcClient jdbc, Clock clock) {
        this.councils = councils;
        this.meetings = meetings;
        this.issues = issues;
        this.records = records;
        this.liaison = liaison;
        this.callOuts = callOuts;
        this.units = units;
        this.people = people;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (meetings.count() > 0) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        Map<String, Organization> byCode = units.byCode();
        Organization cuihu = byCode.get("DC-LH-01");
        Organization jinxiu = byCode.get("DC-LH-02");
        Organization jingui = byCode.get("DC-JJ-01");
        if (cuihu == null || jinxiu == null || jingui == null) {
            return;
        }
        Long cuihuCouncil = jdbc.sql("select id from community_group where name = '翠湖社区青治团'").query(Long.class).optional().orElse(null);
        if (cuihuCouncil == null) {
            return;
        }
        long jinxiuCommittee = council(GroupKind.YOUTH_COMMITTEE, "锦绣青春业委会", jinxiu, 8);
        long jinguiCouncil = council(GroupKind.YOUTH_COUNCIL, "金桂社区青治团", jingui, 6);
        qualify(cuihuCouncil);
        qualify(jinxiuCommittee);
        qualify(jinguiCouncil);
        seat(jinxiuCommittee);
        // as everywhere in the demo, whoever holds a core role is a backbone
        people.markBackbones(jdbc.sql("select person_id from group_membership where group_id in (?, ?) and role is not null")
                .params(jinxiuCommittee, jinguiCouncil).query(Long.class).list());

        // a year of meetings, one a month; 金桂 skipped the last two months, 锦绣 meets later this month
        YearMonth month = YearMonth.now(clock);
        ZoneId zone = clock.getZone();
        String[] subjects = {"楼道堆物清理", "加装电梯意见征集", "停车位划线", "垃圾分类督导", "暑期托管", "健身器材维修", "消防通道整治",
                "老旧小区改造", "邻里节筹备", "宠物管理公约", "充电桩安装", "年度工作回顾"};
        for (int back = 11; back >= 1; back--) {
            YearMonth m = month.minusMonths(back);
            meet(cuihuCouncil, m.atDay(12).atTime(19, 0), subjects[(12 - back) % 12], true);
            meet(jinxiuCommittee, m.atDay(18).atTime(19, 30), subjects[(14 - back) % 12], true);
            if (back > 2) {
                meet(jinguiCouncil, m.atDay(8).atTime(19, 0), subjects[(16 - back) % 12], true);
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime thisMonth = month.atDay(1).atTime(19, 0);
        meet(cuihuCouncil, thisMonth.isBefore(now.minusHours(2)) ? thisMonth : now.minusHours(3), "本月议事：冬季供暖", true);
        meet(jinxiuCommittee, now.plusDays(3).withHour(19).withMinute(0), "本月议事：年底安全检查", false);

        List<Long> cuihuPeople = people(cuihu, 40);
        List<Long> jinxiuPeople = people(jinxiu, 20);
        List<Long> jinguiPeople = people(jingui, 20);
        Long member = jdbc.sql("select person_id from account where username = 'member'").query(Long.class).optional().orElse(null);
        LocalDate today = LocalDate.now(clock);
        // issues in every state: the demo member's resolved one waits for their word, their anonymous one is new
        if (member != null) {
            issue(cuihu, cuihuCouncil, "LIFE", "WORRY", "小区北门路灯不亮", "北门到3号楼的路灯坏了两周，晚上老人出门不方便。", member, false,
                    ResidentIssue.Status.RESOLVED, 9, cuihuPeople.get(0), today.plusDays(3));
            issue(cuihu, null, "WORK", "HARDSHIP", "快递柜占用消防通道", "2号楼旁的快递柜挡住了消防通道。", member, true,
                    ResidentIssue.Status.NEW, 1, null, null);
        }
        issue(cuihu, cuihuCouncil, "LIFE", "HARDSHIP", "独居老人冬季取暖", "5号楼独居老人家中取暖器老旧，存在安全隐患。", cuihuPeople.get(1), false,
                ResidentIssue.Status.IN_PROGRESS, 20, cuihuPeople.get(2), today.minusDays(4));
        issue(cuihu, cuihuCouncil, "LIFE", "WORRY", "电动车楼道充电", "有住户把电动车推进楼道充电。", cuihuPeople.get(3), true,
                ResidentIssue.Status.ACCEPTED, 12, cuihuPeople.get(0), today.minusDays(2));
        issue(cuihu, null, "WORK", "WORRY", "青年夜校想开摄影课", "不少青年想学手机摄影。", cuihuPeople.get(4), false,
                ResidentIssue.Status.CLOSED, 40, cuihuPeople.get(2), today.minusDays(20));
        issue(cuihu, cuihuCouncil, "LIFE", "WORRY", "宠物粪便无人清理", "小区中心花园宠物粪便多。", null, false,
                ResidentIssue.Status.CLOSED, 60, cuihuPeople.get(0), today.minusDays(45));
        issue(cuihu, null, "WORK", "HARDSHIP", "物业费收支不公开", "希望物业公开年度收支。", null, false,
                ResidentIssue.Status.REJECTED, 15, null, null);
        issue(jinxiu, jinxiuCommittee, "LIFE", "HARDSHIP", "加装电梯资金缺口", "1号楼加装电梯还差8万元。", jinxiuPeople.get(0), false,
                ResidentIssue.Status.IN_PROGRESS, 35, jinxiuPeople.get(1), today.plusDays(10));
        issue(jinxiu, jinxiuCommittee, "LIFE", "WORRY", "楼下烧烤油烟", "沿街烧烤店油烟直排。", jinxiuPeople.get(2), true,
                ResidentIssue.Status.NEW, 2, null, null);
        issue(jinxiu, null, "LIFE", "WORRY", "儿童游乐设施破损", "滑梯有裂口。", jinxiuPeople.get(3), false,
                ResidentIssue.Status.RESOLVED, 14, jinxiuPeople.get(1), today.minusDays(1));
        issue(jingui, jinguiCouncil, "WORK", "HARDSHIP", "外来务工青年子女入学", "几户务工青年的孩子入学手续不清楚。", jinguiPeople.get(0), false,
                ResidentIssue.Status.ACCEPTED, 25, jinguiPeople.get(1), today.minusDays(9));
        issue(jingui, jinguiCouncil, "LIFE", "WORRY", "小区广场舞噪音", "晚上九点后仍有音乐。", jinguiPeople.get(2), false,
                ResidentIssue.Status.CLOSED, 80, jinguiPeople.get(1), today.minusDays(60));

        pointsAndRepresentatives(byCode, today, now);
        callOutsToTheCommandoTeam(now);
        visits(cuihu, today);
    }

    private long council(GroupKind kind, String name, Organization host, int size) {
        long id = jdbc.sql("""
                        insert into community_group (kind, name, host_org_id, description, inactivity_days, status, created_at, version)
                        values (?, ?, ?, ?, 90, 'ACTIVE', ?, 0) returning id""")
                .params(kind.name(), name, host.getId(), "每月至少议事一次", Timestamp.from(clock.instant().minusSeconds(400L * 86_400)))
                .query(Long.class).single();
        Timestamp joined = Timestamp.from(clock.instant().minusSeconds(380L * 86_400));
        for (long person : people(host, size)) {
            jdbc.sql("""
                            insert into group_membership (group_id, person_id, status, source, requested_at, joined_at, last_seen_at, decided_by, version)
                            values (?, ?, 'ACTIVE', 'ADDED', ?, ?, ?, 'system', 0)""")
                    .params(id, person, joined, joined, joined).update();
        }
        jdbc.sql("""
                        update group_membership m set role = r.role from (
                            select id, case row_number() over (order by id) when 1 then 'GUIDE' when 2 then 'CADRE' end as role
                            from group_membership where group_id = ?) r
                        where m.id = r.id and r.role is not null""").param(id).update();
        return id;
    }

    /** The demo's guides are Party members and its cadres hold a League post, as the make-up rules ask. */
    private void qualify(long council) {
        jdbc.sql("""
                update person set political_status = 'CPC_MEMBER'
                where id in (select person_id from group_membership where group_id = ? and role = 'GUIDE' and status = 'ACTIVE')""")
                .param(council).update();
        jdbc.sql("""
                update person set league_post = coalesce(league_post, 'COMMITTEE_MEMBER')
                where id in (select person_id from group_membership where group_id = ? and role = 'CADRE' and status = 'ACTIVE')""")
                .param(council).update();
    }

    private void seat(long committee) {
        jdbc.sql("""
                        update group_membership m set seat = s.seat from (
                            select id, (array['OWNERS_CHAIR', 'BUILDING_HEAD', 'BUILDING_HEAD', 'PROPERTY_REP', 'SERVICE_STATION',
                                              'SERVICE_STATION'])[row_number() over (order by id)] as seat
                            from group_membership where group_id = ? and role is null) s
                        where m.id = s.id and s.seat is not null""").param(committee).update();
    }

    private void meet(long council, LocalDateTime at, String subject, boolean minutes) {
        long id = councils.planMeeting(council, new Councils.MeetingPlan(subject, at, at.plusHours(2), Activity.Mode.OFFLINE, "社区议事厅",
                "1. " + subject + "\n2. 上月民情办理情况"));
        if (minutes) {
            jdbc.sql("update council_meeting set minutes = ?, decisions = ?, recorded_at = ?, recorded_by = 'system' where activity_id = ?")
                    .params("围绕“" + subject + "”听取了居民意见，逐条讨论。", "形成处理意见，明确责任人和时限。",
                            Timestamp.from(at.plusHours(3).atZone(clock.getZone()).toInstant()), id).update();
            jdbc.sql("""
                            insert into attendance (activity_id, person_id, checked_in_at, check_in_method, checked_out_at, check_out_method,
                                                    service_minutes, version)
                            select ?, m.person_id, ?, 'CODE', ?, 'CODE', 0, 0 from group_membership m
                            where m.group_id = ? and m.status = 'ACTIVE' order by m.id limit 5""")
                    .params(id, Timestamp.from(at.atZone(clock.getZone()).toInstant()),
                            Timestamp.from(at.plusHours(2).atZone(clock.getZone()).toInstant()), council).update();
        }
    }

    private void issue(Organization unit, Long council, String scope, String nature, String title, String description, Long reporter,
                       boolean anonymous, ResidentIssue.Status status, int daysAgo, Long assignee, LocalDate dueOn) {
        Instant raised = clock.instant().minusSeconds(daysAgo * 86_400L);
        ResidentIssue.Report report = new ResidentIssue.Report(unit.getId(), council, scope, nature, null, null, title, description);
        ResidentIssue issue = reporter == null ? ResidentIssue.byStaff(report, "secretary", raised)
                : ResidentIssue.byMember(report, anonymous ? null : reporter, raised);
        issues.save(issue);
        if (anonymous && reporter != null) {
            records.keepApart(issue, reporter);
        }
        List<String> actions = new ArrayList<>(List.of("RAISED"));
        if (status == ResidentIssue.Status.REJECTED) {
            issue.reject("属于业主与物业的合同事项，已告知可向住建部门反映", raised.plusSeconds(86_400));
            actions.add("REJECTED");
        } else if (status != ResidentIssue.Status.NEW) {
            issue.accept(raised.plusSeconds(86_400));
            actions.add("ACCEPTED");
            if (assignee != null) {
                // due dates as they were set then: some have passed since (the overdue ones)
                issue.assign(assignee, dueOn, LocalDate.now(clock).minusYears(1), raised.plusSeconds(86_400));
                actions.add("ASSIGNED");
            }
            if (status != ResidentIssue.Status.ACCEPTED) {
                issue.start(raised.plusSeconds(2 * 86_400));
                actions.add("IN_PROGRESS");
            }
            if (status == ResidentIssue.Status.RESOLVED || status == ResidentIssue.Status.CLOSED) {
                issue.resolve("已协调相关部门处理完毕", raised.plusSeconds(5 * 86_400));
                actions.add("RESOLVED");
            }
            if (status == ResidentIssue.Status.CLOSED) {
                issue.close("处理及时，谢谢", 5, raised.plusSeconds(6 * 86_400));
                actions.add("CLOSED");
            }
        }
        for (int i = 0; i < actions.size(); i++) {
            boolean byReporter = (i == 0 || "CLOSED".equals(actions.get(i))) && reporter != null;
            jdbc.sql("insert into resident_issue_event (issue_id, at, action, status, actor, note) values (?, ?, ?, ?, ?, ?)")
                    .params(issue.getId(), Timestamp.from(raised.plusSeconds(i * 86_400L)), actions.get(i), statusAfter(actions.get(i)),
                            byReporter ? (anonymous ? null : "member") : "secretary", null).update();
        }
    }

    private static String statusAfter(String action) {
        return switch (action) {
            case "RAISED" -> "NEW";
            case "ASSIGNED" -> "ACCEPTED";
            default -> action;
        };
    }

    /** Five liaison points, seven representatives at each for the term, seven reception days held and a visitor log. */
    private void pointsAndRepresentatives(Map<String, Organization> byCode, LocalDate today, LocalDateTime now) {
        String[][] places = {{"DC-LH-01", "龙湖团代表联络点", "翠湖路88号"}, {"DC-LH-02", "锦绣团代表联络点", "锦绣路18号"},
                {"DC-JJ-01", "金桂团代表联络点", "金桂路6号"}, {"DC-CN-01", "城南团代表联络点", "城南镇创业大道1号"},
                {"DC", "县团委团代表联络站", "人民路1号"}};
        List<Long> leagueMembers = jdbc.sql("select id from person where ledger = 'LEAGUE_MEMBER' and status = 'ACTIVE' order by id limit 35")
                .query(Long.class).list();
        int next = 0;
        int receptions = 0;
        for (String[] place : places) {
            Organization unit = byCode.get(place[0]);
            if (unit == null) {
                continue;
            }
            long point = liaison.create(unit.getId(), place[1], place[2]);
            for (int i = 0; i < 7 && next < leagueMembers.size(); i++) {
                jdbc.sql("insert into league_representative (point_id, person_id, term_from, term_to, created_at) values (?, ?, ?, ?, ?)")
                        .params(point, leagueMembers.get(next++), Date.valueOf(LocalDate.of(2023, 12, 1)), Date.valueOf(LocalDate.of(2028, 11, 30)),
                                Timestamp.from(clock.instant())).update();
            }
            for (int r = 0; r < 2 && receptions < 7; r++, receptions++) {
                LocalDateTime day = now.minusDays(14L * (receptions + 1)).withHour(9).withMinute(0);
                liaison.scheduleReception(point, day, day.plusHours(3));
            }
            if (place[0].equals("DC-LH-01")) {
                liaison.scheduleReception(point, now.plusDays(7).withHour(9).withMinute(0), now.plusDays(7).withHour(12).withMinute(0));
                liaison.logVisitor(point, new VisitorEntry.Draft(today.minusDays(14), "王阿姨", null, null, null, "希望周末开放青年之家给孩子写作业"));
                long entry = liaison.logVisitor(point, new VisitorEntry.Draft(today.minusDays(14), "刘师傅", "139****2211", null, null,
                        "3号楼下水道经常堵塞\n已经反映过物业两次"));
                liaison.toIssue(entry, "LIFE", "HARDSHIP");
                liaison.logVisitor(point, new VisitorEntry.Draft(today.minusDays(28), "小陈", null, null, null, "想参加志愿服务，不知道怎么报名"));
            }
        }
    }

    /** The commando team: a staffed call-out (three needed, three coming, two turned up) and an open one. */
    private void callOutsToTheCommandoTeam(LocalDateTime now) {
        Long team = jdbc.sql("select id from community_group where name = '龙湖街道青年突击队'").query(Long.class).optional().orElse(null);
        if (team == null) {
            return;
        }
        List<Long> members = jdbc.sql("select person_id from group_membership where group_id = ? and status = 'ACTIVE' order by id")
                .param(team).query(Long.class).list();
        if (members.size() < 6) {
            return;
        }
        long staffed = callOuts.send(new CallOuts.Draft(team, "暴雨后低洼小区排涝", "金桂小区地下车库", now.minusDays(2), now.minusDays(2).plusHours(4), 3));
        answer(staffed, members.subList(0, 3), true);
        answer(staffed, members.subList(3, 4), false);
        jdbc.sql("update call_out set status = 'STAFFED' where id = ?").param(staffed).update();
        long task = jdbc.sql("select activity_id from call_out where id = ?").param(staffed).query(Long.class).single();
        Timestamp at = Timestamp.from(now.minusDays(2).atZone(clock.getZone()).toInstant());
        for (long person : members.subList(0, 2)) {
            jdbc.sql("""
                            insert into attendance (activity_id, person_id, checked_in_at, check_in_method, service_minutes, version)
                            values (?, ?, ?, 'QR', 0, 0)""").params(task, person, at).update();
        }
        long open = callOuts.send(new CallOuts.Draft(team, "寒潮前独居老人走访", "翠湖花园", now.plusDays(1).withHour(9).withMinute(0),
                now.plusDays(1).withHour(12).withMinute(0), 5));
        answer(open, members.subList(0, 2), true);
        answer(open, members.subList(2, 3), false);
    }

    private void answer(long callOut, List<Long> people, boolean coming) {
        people.forEach(p -> jdbc.sql("insert into call_out_answer (call_out_id, person_id, coming, answered_at) values (?, ?, ?, ?)")
                .params(callOut, p, coming, Timestamp.from(clock.instant())).update());
    }

    /** A quarter's contacts in the buildings of 翠湖 by the building group leader: one backbone candidate among them. */
    private void visits(Organization cuihu, LocalDate today) {
        List<Object[]> residents = jdbc.sql("""
                        select id, building_id from person where organization_id = ? and building_id is not null and status = 'ACTIVE'
                        order by id limit 12""")
                .param(cuihu.getId()).query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2)}).list();
        String[] heard = {"工作稳定，想多参加周末活动", "刚毕业回乡，在找工作", "愿意当楼栋志愿者", "孩子上学接送困难", "对青年夜校感兴趣",
                "希望小区有篮球场"};
        for (int i = 0; i < residents.size() && i < 9; i++) {
            jdbc.sql("""
                            insert into youth_visit (person_id, building_id, visited_on, channel, heard, visitor, backbone_candidate, created_at)
                            values (?, ?, ?, ?, ?, 'leader', ?, ?)""")
                    .params(residents.get(i)[0], residents.get(i)[1], Date.valueOf(today.minusDays(3L * i)),
                            new String[] {"VISIT", "PHONE", "WECHAT"}[i % 3], heard[i % heard.length], i == 2, Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private List<Long> people(Organization unit, int how) {
        return jdbc.sql("select id from person where organization_id = ? and status = 'ACTIVE' order by id limit ?")
                .params(unit.getId(), how).query(Long.class).list();
    }
}
