package com.countyleague;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Accounts;
import com.countyleague.council.CallOuts;
import com.countyleague.council.Councils;
import com.countyleague.council.LiaisonPoints;
import com.countyleague.council.MyIssues;
import com.countyleague.council.VisitorEntry;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;
import com.countyleague.group.GroupKind;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.member.Transfers;
import com.countyleague.points.PointsBank;
import com.countyleague.points.RewardItem;
import com.countyleague.points.Rewards;
import com.countyleague.recruitment.Application;
import com.countyleague.recruitment.Campaign;
import com.countyleague.recruitment.Channel;
import com.countyleague.recruitment.Recruitment;
import com.countyleague.venue.Grids;
import com.countyleague.venue.ToolHouse;
import com.countyleague.venue.Venue;
import com.countyleague.venue.VenueExtras;
import com.countyleague.venue.Venues;
import com.countyleague.volunteer.Rosters;
import com.countyleague.volunteer.VolunteerPost;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two branches side by side, each with everything a request can name by id: its secretary, the
 * admin of its committee, a group leader and a member with their accounts, people, a group with a
 * membership, an activity of the group with a photo and a proof, a volunteer post with a roster, a
 * swap and a day off, a campaign with an application, a reward with a redemption, a certificate,
 * transfers in and out, an account and an import job. What one side may touch, the other may not.
 */
@TestComponent
public class TwoBranches {

    /** One branch's world: ids and codes, and the accounts that act in it. */
    public record Side(Branch branch, String secretary, String orgAdmin, String leader, String member, long memberPerson,
                       long leaderPerson, long person, long group, long membership, long pendingMembership, long activity,
                       String checkInToken, long photo, long submission, long team, long post, long shift, long swap,
                       long unavailability, long campaign, String campaignCode, long application, long heldApplication,
                       long reward, long redemption, String cardCode, long certificate, String certificateCode, long transferIn,
                       long transferOut, long account, long importJob, long venue, long booking, long toolItem, long toolLoan, long grid, long venuePhoto,
                       Governance governance, long certificateRequest, long attendanceFlag, long backfill, long backfillEvidence,
                       long lateShift, long correction, LeagueYear leagueYear) {
    }

    /** A side's League year: a League member, a branch assembly they attended with a photo, and a review round held at it, submitted to the committee above, and the member's recommendation to the Party that it decided. */
    public record LeagueYear(long leagueMember, long meeting, long meetingPhoto, long review, long recommendation) {
    }

    /** A side's governance: a council with a meeting held, a member's own issue with a photo, a liaison point with a visitor, a call-out to its team. */
    public record Governance(long council, long meeting, long issue, long issuePhoto, long point, long visitorEntry, long callOut) {
    }

    private final TestFixtures fixtures;
    private final Accounts accounts;
    private final Groups groups;
    private final Activities activities;
    private final CheckIns checkIns;
    private final Rosters rosters;
    private final Recruitment recruitment;
    private final Rewards rewards;
    private final PointsBank bank;
    private final Transfers transfers;
    private final Venues venues;
    private final ToolHouse tools;
    private final Grids grids;
    private final VenueExtras extras;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Councils councils;
    private final MyIssues myIssues;
    private final LiaisonPoints liaison;
    private final CallOuts callOuts;

    TwoBranches(TestFixtures fixtures, Accounts accounts, Groups groups, Activities activities,
                CheckIns checkIns, Rosters rosters, Recruitment recruitment, Rewards rewards, PointsBank bank, Transfers transfers,
                Venues venues, ToolHouse tools, Grids grids, VenueExtras extras, JdbcClient jdbc, Clock clock,
                Councils councils, MyIssues myIssues, LiaisonPoints liaison, CallOuts callOuts) {
        this.councils = councils;
        this.myIssues = myIssues;
        this.liaison = liaison;
        this.callOuts = callOuts;
        this.extras = extras;
        this.grids = grids;
        this.venues = venues;
        this.tools = tools;
        this.fixtures = fixtures;
        this.accounts = accounts;
        this.groups = groups;
        this.activities = activities;
        this.checkIns = checkIns;
        this.rosters = rosters;
        this.recruitment = recruitment;
        this.rewards = rewards;
        this.bank = bank;
        this.transfers = transfers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A side named {@code label}; {@code elsewhere} is a third branch that transfers go to and come from. */
    public Side side(String label, Branch elsewhere) {
        Branch branch = fixtures.branch(label + "团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String orgAdmin = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        long memberPerson = fixtures.youth(branch.id(), label + "成员");
        String member = fixtures.accountFor(memberPerson, branch.id());
        long leaderPerson = fixtures.youth(branch.id(), label + "组长");
        String leader = leaderAccount(leaderPerson, branch.id());
        long person = fixtures.youth(branch.id(), label + "青年");

        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long membership = fixtures.enrol(group, memberPerson).getId();
        long leadership = fixtures.enrol(group, leaderPerson).getId();
        fixtures.as("admin", () -> {
            groups.appoint(leadership, GroupRole.OWNER);
            return null;
        });
        long pendingMembership = fixtures.as(fixtures.accountFor(fixtures.youth(branch.id(), label + "申请者"), branch.id()),
                () -> groups.apply(group));

        Instant now = clock.instant();
        long activity = fixtures.as(leader, () -> {
            long id = activities.create(new Activity.Details(null, group, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    label + "活动", null, "活动室", now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(2)), null, null, null,
                    new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
        String token = fixtures.as(leader, () -> checkIns.screen(activity, CheckIns.Purpose.IN).token());
        long photo = fixtures.as(leader, () -> activities.addPhoto(activity, png()));
        long submission = jdbc.sql("""
                        insert into task_submission (activity_id, person_id, text, status, submitted_at, version)
                        values (?, ?, '读书打卡', 'PENDING', now(), 0) returning id""")
                .params(activity, memberPerson).query(Long.class).single();

        long team = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        fixtures.enrol(team, memberPerson);
        long teamLead = fixtures.enrol(team, leaderPerson).getId();
        fixtures.as("admin", () -> {
            groups.appoint(teamLead, GroupRole.OWNER);
            return null;
        });
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        long post = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details(label + "门岗", branch.id(),
                branch.compoundId(), null, team, 1, List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0))),
                VolunteerPost.Status.ACTIVE)));
        fixtures.as(secretary, () -> rosters.generate(post, tomorrow, 1));
        long shift = shiftOf(post, memberPerson);
        long swap = fixtures.as(member, () -> rosters.requestSwap(shift, leaderPerson, shiftOf(post, leaderPerson), "家里有事"));
        fixtures.as(member, () -> {
            rosters.declareUnavailable(tomorrow.plusDays(20), tomorrow.plusDays(21), "出差");
            return null;
        });
        long unavailability = jdbc.sql("select max(id) from volunteer_unavailability where person_id = ?").param(memberPerson)
                .query(Long.class).single();

        String campaignCode = TestFixtures.uniqueCode("zm").toLowerCase();
        long campaign = fixtures.as(secretary, () -> recruitment.create(new Campaign.Details(campaignCode, label + "招募", null,
                branch.id(), branch.id(), LocalDate.now(clock).minusDays(1), LocalDate.now(clock).plusDays(30), true,
                List.of(new Campaign.Target(group, 10)), List.of(new Campaign.ChannelUse(Channel.SELF_APPLICATION, null),
                new Campaign.ChannelUse(Channel.ORG_NOMINATION, null)))));
        long application = recruitment.apply(campaignCode, new Application.Form(group, Channel.SELF_APPLICATION, null,
                label + "报名者", TestIds.of(LocalDate.of(2002, 2, 2), Gender.FEMALE), "13800001111", null, null, null));
        // someone applies with the identity number of a person of this branch under another name: held for review
        String heldNumber = TestIds.of(LocalDate.of(1999, 9, 9), Gender.MALE);
        fixtures.person(branch.id(), Ledger.YOUTH, label + "本人", heldNumber, null);
        long heldApplication = recruitment.apply(campaignCode, new Application.Form(group, Channel.SELF_APPLICATION, null,
                label + "冒名者", heldNumber, null, null, null, null));
        fixtures.as(leader, () -> recruitment.approve(heldApplication));

        long reward = fixtures.as(secretary, () -> {
            long id = rewards.create(new RewardItem.Details(label + "购物券", null, RewardItem.Kind.GOODS, "社区超市", branch.id(),
                    10, 100, null, null, null, null));
            rewards.publish(id, true);
            rewards.setPicture(id, png());
            return id;
        });
        fixtures.as("admin", () -> {
            bank.adjust(memberPerson, 100, "测试发放", UUID.randomUUID().toString());
            return null;
        });
        long redemption = fixtures.as(member, () -> rewards.redeem(reward, UUID.randomUUID().toString())).getId();
        String cardCode = fixtures.as(member, () -> bank.myCard().getCardCode());

        String certificateCode = TestFixtures.uniqueCode("C").replace("-", "");
        long certificate = jdbc.sql("""
                        insert into service_certificate (code, number, person_id, person_name, id_type, id_number_masked,
                            period_from, period_to, service_minutes, content, issuer_org_id, issuer_name, person_in_charge,
                            handler, contact, issued_at, issued_by)
                        values (?, ?, ?, ?, '居民身份证', '110***********0000', current_date - 30, current_date, 120, '社区服务', ?,
                            ?, '某', '某', '1', now(), 'test') returning id""")
                .params(certificateCode, "N" + certificateCode, memberPerson, label + "成员", branch.id(), branch.name())
                .query(Long.class).single();

        long leaving = fixtures.youth(branch.id(), label + "转出者");
        long transferOut = fixtures.as(secretary, () -> transfers.request(leaving, elsewhere.id(), "迁居"));
        long arriving = fixtures.youth(elsewhere.id(), label + "转入者");
        long transferIn = fixtures.as("admin", () -> transfers.request(arriving, branch.id(), "迁居"));

        long account = fixtures.as("admin", () -> accounts.create(new Accounts.AccountDraft(TestFixtures.uniqueCode("acc").toLowerCase(),
                label + "账号", Role.MEMBER, branch.id(), TestFixtures.PASSWORD)));
        long importJob = jdbc.sql("""
                        insert into import_job (uploaded_by, account_id, file_name, content, status, created_at, version)
                        values (?, (select id from account where username = ?), 'people.xlsx', '\\x00', 'INVALID', now(), 0)
                        returning id""")
                .params(secretary, secretary).query(Long.class).single();
        long venue = fixtures.as(secretary, () -> venues.create(new Venue.Details(label + "青年之家", Venue.FUNCTION_STORE, branch.id(),
                null, null, LocalTime.of(8, 0), LocalTime.of(22, 0), 40, null)));
        LocalDate inAWeek = LocalDate.now(clock).plusDays(7);
        long booking = fixtures.as(secretary, () -> venues.book(venue, new Venues.BookingRequest(inAWeek.atTime(10, 0),
                inAWeek.atTime(11, 0), null, null, "支部会议", 10)));
        long toolItem = fixtures.as(secretary, () -> tools.addItem(venue, label + "折叠梯", 2));
        long toolLoan = fixtures.as(member, () -> tools.request(toolItem));
        long grid = fixtures.as(secretary, () -> grids.create(label + TestFixtures.uniqueCode("网格"), branch.id()));
        long venuePhoto = fixtures.as(secretary, () -> extras.addPhoto(venue, png()));
        long council = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        LocalDateTime local = LocalDateTime.now(clock);
        LocalDateTime hourAgo = local.minusHours(1);
        // held this month (from midnight on the first, in its first hours): dashboards count it as met this month
        LocalDateTime monthStart = local.toLocalDate().withDayOfMonth(1).atStartOfDay();
        LocalDateTime held = local.minusHours(2).isBefore(monthStart) ? monthStart : local.minusHours(2);
        long meeting = fixtures.as(secretary, () -> councils.planMeeting(council, new Councils.MeetingPlan(label + "议事",
                held, held.plus(Duration.between(held, local).dividedBy(2)), Activity.Mode.OFFLINE, "议事厅", "议程")));
        long issue = fixtures.as(member, () -> myIssues.report(new MyIssues.Report("LIFE", "WORRY", null, null, label + "民情",
                "楼道堆物", false, png())));
        long issuePhoto = jdbc.sql("select id from resident_issue_photo where issue_id = ?").param(issue).query(Long.class).single();
        long point = fixtures.as(secretary, () -> liaison.create(branch.id(), label + "联络点", null));
        long visitorEntry = fixtures.as(secretary, () -> liaison.logVisitor(point, new VisitorEntry.Draft(LocalDate.now(clock), "来访居民",
                null, null, null, "反映停车难")));
        long callOut = fixtures.as(secretary, () -> callOuts.send(new CallOuts.Draft(team, label + "召集", "江堤",
                hourAgo.plusHours(3), hourAgo.plusHours(5), 2)));
        Governance governance = new Governance(council, meeting, issue, issuePhoto, point, visitorEntry, callOut);
        long certificateRequest = jdbc.sql("""
                        insert into certificate_request (person_id, person_name, period_from, period_to, service_minutes, content,
                            issuer_org_id, issuer_name, person_in_charge, handler, contact, notice_from, notice_to, status,
                            requested_by, requested_at, version)
                        values (?, ?, current_date - 30, current_date, 120, '社区服务', ?, ?, '某', '某', '1', current_date,
                            current_date + 7, 'NOTICE', 'test', now(), 0) returning id""")
                .params(memberPerson, label + "成员", branch.id(), branch.name()).query(Long.class).single();
        long attendanceFlag = jdbc.sql("""
                        with t as (insert into attendance (activity_id, person_id, checked_in_at, check_in_method, service_minutes, version)
                                   values (?, ?, now(), 'MANUAL', 0, 0) returning id)
                        insert into attendance_flag (attendance_id, rule, flagged_at, status, version)
                        select id, 'MANY_BY_HAND', now(), 'OPEN', 0 from t returning id""")
                .params(activity, person).query(Long.class).single();
        long backfill = jdbc.sql("""
                        insert into backfill (activity_id, person_id, checked_in_at, checked_out_at, reason, requested_by, by_member, status,
                                              created_at, version)
                        values (?, ?, now() - interval '1 hour', now(), '忘记签到', ?, false, 'PENDING', now(), 0) returning id""")
                .params(activity, leaderPerson, secretary).query(Long.class).single();
        long backfillEvidence = jdbc.sql("""
                        insert into backfill_evidence (backfill_id, content_type, bytes, created_at) values (?, 'image/png', ?, now())
                        returning id""").params(backfill, png()).query(Long.class).single();
        // a shift ten days ago, kept but not yet confirmed, asked to be confirmed late
        long lateShift = jdbc.sql("""
                        with s as (insert into volunteer_shift (post_id, day, slot_no, person_id, status, service_minutes, version)
                                   values (?, current_date - 10, 1, ?, 'SCHEDULED', 0, 0) returning id)
                        insert into shift_late_confirmation (shift_id, reason, content_type, evidence, requested_by, requested_at, status, version)
                        select id, '忘了确认', 'image/png', ?, ?, now(), 'PENDING', 0 from s returning id""")
                .params(post, memberPerson, png(), secretary).query(Long.class).single();
        // the member asking for their mobile to be corrected
        long correction = jdbc.sql("""
                        insert into correction_request (person_id, organization_id, field, wanted, status, created_at)
                        values (?, ?, 'MOBILE', '13800000000', 'OPEN', now()) returning id""")
                .params(memberPerson, branch.id()).query(Long.class).single();
        long assembly = jdbc.sql("""
                        insert into org_meeting (organization_id, kind, held_on, topic, minutes, members, recorded_by, recorded_at)
                        values (?, 'BRANCH_ASSEMBLY', current_date, '支部大会', '', 1, ?, now()) returning id""")
                .params(branch.id(), secretary).query(Long.class).single();
        long leagueMember = fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, label + "团员", TestIds.of(LocalDate.of(2001, 1, 1), Gender.MALE), null);
        jdbc.sql("insert into org_meeting_attendee (meeting_id, person_id) values (?, ?)").params(assembly, leagueMember).update();
        long meetingPhoto = jdbc.sql("insert into org_meeting_photo (meeting_id, content_type, bytes) values (?, 'image/png', ?) returning id")
                .params(assembly, png()).query(Long.class).single();
        long review = jdbc.sql("""
                        insert into review_round (organization_id, year, meeting_id, members, attendees, status, opened_by, opened_at)
                        values (?, extract(year from current_date), ?, 1, 1, 'SUBMITTED', ?, now()) returning id""")
                .params(branch.id(), assembly, secretary).query(Long.class).single();
        jdbc.sql("insert into review_grade (round_id, person_id, grade) values (?, ?, 'QUALIFIED')").params(review, leagueMember).update();
        long recommendation = jdbc.sql("""
                        insert into party_recommendation (person_id, organization_id, nominated_on, nominated_by, reason, meeting_id, status, decided_at)
                        values (?, ?, current_date, ?, '表现突出', ?, 'DECIDED', now()) returning id""")
                .params(leagueMember, branch.id(), secretary, assembly).query(Long.class).single();
        LeagueYear leagueYear = new LeagueYear(leagueMember, assembly, meetingPhoto, review, recommendation);
        return new Side(branch, secretary, orgAdmin, leader, member, memberPerson, leaderPerson, person, group, membership,
                pendingMembership, activity, token, photo, submission, team, post, shift, swap, unavailability, campaign, campaignCode,
                application, heldApplication, reward, redemption, cardCode, certificate, certificateCode, transferIn, transferOut,
                account, importJob, venue, booking, toolItem, toolLoan, grid, venuePhoto, governance, certificateRequest, attendanceFlag, backfill, backfillEvidence, lateShift,
                correction, leagueYear);
    }

    /** A group leader's account for a person of the ledger, as a secretary gives one to the head of a group. */
    private String leaderAccount(long personId, long branchId) {
        String username = TestFixtures.uniqueCode("l").toLowerCase();
        fixtures.as("admin", () -> accounts.createForPerson(new Accounts.AccountDraft(username, "组长" + username, Role.GROUP_LEADER,
                branchId, TestFixtures.PASSWORD), personId));
        jdbc.sql("update account set must_change_password = false where username = ?").param(username).update();
        return username;
    }

    private long shiftOf(long post, long personId) {
        return jdbc.sql("select min(id) from volunteer_shift where post_id = ? and person_id = ?").params(post, personId)
                .query(Long.class).single();
    }

    public static byte[] png() {
        BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC00000);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
