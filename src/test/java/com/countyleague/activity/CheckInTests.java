package com.countyleague.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Check-in: once per person, only in its window, never with an old QR code, and service time by the 60 % rule. */
@IntegrationTest
@RecordApplicationEvents
class CheckInTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    Branch branch;
    String secretary;

    @BeforeEach
    void aBranchWithItsSecretary() {
        branch = fixtures.branch("打卡测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSecondCheckInIsAnsweredPolitelyAndRecordsNothing() throws Exception {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        long person = fixtures.youth(branch.id(), "签到人");
        String member = fixtures.accountFor(person, branch.id());
        String code = code(activity, CheckIns.Purpose.IN);

        mvc.perform(post("/me/check-in").param("code", code).with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
        mvc.perform(post("/me/check-in").param("code", code).with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("无需重复签到")));
        mvc.perform(get("/check-in/{token}", token(activity, CheckIns.Purpose.IN)).with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("无需重复签到")));

        assertThat(attendances(activity)).isEqualTo(1);
        assertThat(events.stream(MemberCheckedIn.class).filter(e -> e.activityId() == activity)).hasSize(1);
    }

    @Test
    void manyCheckInsOfOnePersonAtOnceRecordOne() throws Exception {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        long person = fixtures.youth(branch.id(), "并发签到");
        String member = fixtures.accountFor(person, branch.id());
        String code = code(activity, CheckIns.Purpose.IN);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CheckIns.Act>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                attempts.add(pool.submit((Callable<CheckIns.Act>) () -> fixtures.as(member, () -> checkIns.enterCode(activity, code).act())));
            }
            List<CheckIns.Act> acts = new ArrayList<>();
            for (Future<CheckIns.Act> attempt : attempts) {
                acts.add(attempt.get());
            }
            assertThat(acts).containsOnlyOnce(CheckIns.Act.CHECKED_IN).contains(CheckIns.Act.ALREADY_IN);
        } finally {
            pool.shutdownNow();
        }
        assertThat(attendances(activity)).isEqualTo(1);
    }

    @Test
    void tenWrongCodesInTenMinutesPauseTheMembersTypingWithAClearMessage() throws Exception {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "猜码者"), branch.id());
        String right = code(activity, CheckIns.Purpose.IN);
        String wrong = String.format("%06d", (Integer.parseInt(right) + 500_000) % 1_000_000);
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(post("/me/activities/{id}/code", activity).param("code", wrong).with(fixtures.signedIn(member)).with(csrf()))
                    .andExpect(content().string(containsString("签到码不正确")));
        }

        mvc.perform(post("/me/activities/{id}/code", activity).param("code", right).with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(content().string(containsString("签到码输错次数过多，请10分钟后再试")));
        assertThat(attendances(activity)).isZero();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        mvc.perform(post("/me/activities/{id}/code", activity).param("code", code(activity, CheckIns.Purpose.IN))
                        .with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
        assertThat(attendances(activity)).isEqualTo(1);
    }

    @Test
    void checkInOutsideItsWindowIsRefused() throws Exception {
        long activity = published(clock.instant().plus(Duration.ofHours(2)), Duration.ofHours(1), null);
        long person = fixtures.youth(branch.id(), "早到者");
        String member = fixtures.accountFor(person, branch.id());

        mvc.perform(post("/me/activities/{id}/code", activity).param("code", code(activity, CheckIns.Purpose.IN))
                        .with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("不在签到时间内")));

        clock.advance(Duration.ofHours(3).plusMinutes(1));
        mvc.perform(post("/me/activities/{id}/code", activity).param("code", code(activity, CheckIns.Purpose.IN))
                        .with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("不在签到时间内")));
        assertThat(attendances(activity)).isZero();

        clock.reset();
        clock.advance(Duration.ofMinutes(91));
        mvc.perform(post("/me/activities/{id}/code", activity).param("code", code(activity, CheckIns.Purpose.IN))
                        .with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
        assertThat(attendances(activity)).isEqualTo(1);
    }

    @Test
    void anOldOrForgedQrCodeIsRefused() throws Exception {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        long person = fixtures.youth(branch.id(), "截图者");
        String member = fixtures.accountFor(person, branch.id());
        String screenshot = token(activity, CheckIns.Purpose.IN);

        clock.advance(Duration.ofSeconds(61));
        mvc.perform(get("/check-in/{token}", screenshot).with(fixtures.signedIn(member)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("二维码已过期")));
        String[] parts = token(activity, CheckIns.Purpose.IN).split("-", 4);
        String forged = parts[0] + "-" + parts[1] + "-" + parts[2] + "-" + "A".repeat(parts[3].length());
        mvc.perform(get("/check-in/{token}", forged).with(fixtures.signedIn(member)))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("不是有效的签到码")));
        assertThat(attendances(activity)).isZero();

        mvc.perform(get("/check-in/{token}", token(activity, CheckIns.Purpose.IN)).with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
        assertThat(attendances(activity)).isEqualTo(1);
    }

    @Test
    void serviceTimeCountsOnlyFromSixtyPercentOfTheActivity() throws Exception {
        // 10:05–12:05 as it were: two hours, so 72 minutes present is the least that counts
        Instant start = clock.instant().plus(Duration.ofMinutes(5));
        long activity = published(start, Duration.ofHours(2), new BigDecimal("2"));
        String early = fixtures.accountFor(fixtures.youth(branch.id(), "早退者"), branch.id());
        String enough = fixtures.accountFor(fixtures.youth(branch.id(), "坚持者"), branch.id());
        for (String member : List.of(early, enough)) {
            fixtures.as(member, () -> checkIns.enterCode(activity, code(activity, CheckIns.Purpose.IN)));
        }

        clock.advance(Duration.ofMinutes(5 + 71));
        CheckIns.Outcome short71 = fixtures.as(early, () -> checkIns.enterCode(activity, code(activity, CheckIns.Purpose.OUT)));
        clock.advance(Duration.ofMinutes(1));
        CheckIns.Outcome full72 = fixtures.as(enough, () -> checkIns.enterCode(activity, code(activity, CheckIns.Purpose.OUT)));

        assertThat(short71.act()).isEqualTo(CheckIns.Act.CHECKED_OUT);
        assertThat(short71.serviceMinutes()).isZero();
        assertThat(full72.serviceMinutes()).isEqualTo(72);
        assertThat(events.stream(AttendanceConfirmed.class).filter(e -> e.activityId() == activity)
                .map(AttendanceConfirmed::serviceMinutes)).containsExactlyInAnyOrder(0, 72);
        assertThat(fixtures.as(enough, () -> checkIns.enterCode(activity, code(activity, CheckIns.Purpose.OUT))).act())
                .isEqualTo(CheckIns.Act.ALREADY_OUT);
    }

    @Test
    void aCappedActivityAdmitsOnlyThoseSignedUpAndItsWaitingListMovesUp() {
        long activity = published(clock.instant().plus(Duration.ofDays(1)), Duration.ofHours(2), null, 1);
        String first = fixtures.accountFor(fixtures.youth(branch.id(), "先报名"), branch.id());
        long secondPerson = fixtures.youth(branch.id(), "后报名");
        String second = fixtures.accountFor(secondPerson, branch.id());

        assertThat(fixtures.as(first, () -> activities.signUp(activity))).isEqualTo(SignUp.Status.SIGNED_UP);
        assertThat(fixtures.as(second, () -> activities.signUp(activity))).isEqualTo(SignUp.Status.WAITING);
        assertThatThrownBy(() -> fixtures.as(second, () -> activities.signUp(activity)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("activity.signup.exists"));

        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> fixtures.as(second, () -> checkIns.enterCode(activity, code(activity, CheckIns.Purpose.IN))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("checkin.signup-required"));

        fixtures.as(first, () -> {
            activities.cancelSignUp(activity);
            return null;
        });
        assertThat(fixtures.as(second, () -> checkIns.enterCode(activity, code(activity, CheckIns.Purpose.IN)).act()))
                .isEqualTo(CheckIns.Act.CHECKED_IN);
        assertThat(jdbc.sql("select message_key from notification where person_id = ? order by id desc limit 1")
                .param(secondPerson).query(String.class).single()).isEqualTo("activity.notice.promoted");
    }

    @Test
    void aSecretaryOfAnotherBranchCannotCheckAnyoneIn() throws Exception {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        long person = fixtures.youth(branch.id(), "被代签者");
        Branch other = fixtures.branch("别的团支部");
        String otherSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        String at = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(5)), clock.getZone())
                .withNano(0).toString();

        mvc.perform(post("/activities/{id}/attendance/in", activity).param("personId", Long.toString(person))
                        .param("at", at).param("reason", "忘带手机").with(fixtures.signedIn(otherSecretary)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/activities/{id}", activity).with(fixtures.signedIn(otherSecretary))).andExpect(status().isForbidden());
        mvc.perform(get("/activities/{id}/screen", activity).with(fixtures.signedIn(otherSecretary))).andExpect(status().isForbidden());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "普通成员"), branch.id());
        mvc.perform(post("/activities/{id}/attendance/in", activity).param("personId", Long.toString(person))
                        .param("at", at).param("reason", "忘带手机").with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(attendances(activity)).isZero();

        mvc.perform(post("/activities/{id}/attendance/in", activity).param("personId", Long.toString(person))
                        .param("at", at).param("reason", "忘带手机").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attendances(activity)).isEqualTo(1);
        assertThat(jdbc.sql("select detail from audit_log where action = 'CHECK_IN_BY_HAND' and target = ? order by id desc limit 1")
                .param("activity:" + activity).query(String.class).single()).contains("person:" + person).contains("忘带手机");
    }

    @Test
    void aSecretaryCannotCheckAPersonOfAnotherBranchInOrOutOfTheirOwnActivityByAnyField() throws Exception {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        Branch other = fixtures.branch("邻近团支部");
        String idNumber = TestIds.of(LocalDate.of(2001, 5, 5), Gender.FEMALE);
        long outsider = fixtures.person(other.id(), Ledger.YOUTH, "邻支部青年", idNumber, "13955550001");
        String at = LocalDateTime.ofInstant(clock.instant().minus(Duration.ofMinutes(5)), clock.getZone()).withNano(0).toString();

        // picked from a list (a forged drop-down value): as if there were no such person
        mvc.perform(post("/activities/{id}/attendance/in", activity).param("personId", Long.toString(outsider))
                        .param("at", at).param("reason", "忘带手机").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isNotFound()).andExpect(content().string(not(containsString("邻支部青年"))));
        // named by identity number: the same answer as for a number nobody holds
        mvc.perform(post("/activities/{id}/attendance/in", activity).param("idNumber", idNumber)
                        .param("at", at).param("reason", "忘带手机").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attendances(activity)).isZero();

        // the outsider checked in by themselves (an activity open to all): the secretary cannot sign them out by hand
        jdbc.sql("insert into attendance (activity_id, person_id, checked_in_at, check_in_method, version) values (?, ?, ?, 'CODE', 0)")
                .params(activity, outsider, java.sql.Timestamp.from(clock.instant().minus(Duration.ofMinutes(5)))).update();
        mvc.perform(post("/activities/{id}/attendance/out", activity).param("personId", Long.toString(outsider))
                        .param("at", at).param("reason", "代为签退").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from attendance where activity_id = ? and checked_out_at is not null")
                .param(activity).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where target = ?").param("activity:" + activity).query(Long.class).single())
                .isZero();
    }

    @Test
    void aCheckInByHandNeedsAReasonAndATimeInsideTheActivity() {
        long activity = published(clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(2), null);
        long person = fixtures.youth(branch.id(), "补签者");
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            checkIns.checkInByHand(activity, person, null, clock.instant(), " ");
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            checkIns.checkInByHand(activity, person, null, clock.instant().minus(Duration.ofDays(1)), "补录");
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("at"));
        assertThat(attendances(activity)).isZero();
    }

    @Test
    void anApprovedOnlineProofCountsAsAttendance() {
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(details(clock.instant().minus(Duration.ofHours(1)), Duration.ofDays(3), null, null, Activity.Mode.ONLINE));
            activities.publish(id);
            return id;
        });
        long person = fixtures.youth(branch.id(), "线上打卡者");
        String member = fixtures.accountFor(person, branch.id());

        long proof = fixtures.as(member, () -> checkIns.submitProof(activity, "今天读完了《红岩》第三章", null));
        assertThatThrownBy(() -> fixtures.as(member, () -> checkIns.submitProof(activity, "再交一次", null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("task.exists"));
        assertThat(attendances(activity)).isZero();

        fixtures.as(secretary, () -> {
            checkIns.reviewProof(proof, true, "很好");
            return null;
        });
        assertThat(jdbc.sql("select check_in_method from attendance where activity_id = ? and person_id = ?")
                .params(activity, person).query(String.class).single()).isEqualTo("TASK");
        assertThat(events.stream(MemberCheckedIn.class).filter(e -> e.activityId() == activity)).hasSize(1);
    }

    private long published(Instant start, Duration length, BigDecimal hours) {
        return published(start, length, hours, null);
    }

    private long published(Instant start, Duration length, BigDecimal hours, Integer capacity) {
        return fixtures.as(secretary, () -> {
            long id = activities.create(details(start, length, hours, capacity, Activity.Mode.OFFLINE));
            activities.publish(id);
            return id;
        });
    }

    private Activity.Details details(Instant start, Duration length, BigDecimal hours, Integer capacity, Activity.Mode mode) {
        return new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, mode, "测试活动" + TestFixtures.uniqueCode("A"),
                null, "社区活动室", start, start.plus(length), null, null, capacity, hours);
    }

    private String code(long activity, CheckIns.Purpose purpose) {
        return fixtures.as(secretary, () -> checkIns.screen(activity, purpose).code());
    }

    private String token(long activity, CheckIns.Purpose purpose) {
        return fixtures.as(secretary, () -> checkIns.screen(activity, purpose).token());
    }

    private long attendances(long activity) {
        return jdbc.sql("select count(*) from attendance where activity_id = ?").param(activity).query(Long.class).single();
    }
}
