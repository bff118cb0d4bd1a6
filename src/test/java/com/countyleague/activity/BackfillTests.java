package com.countyleague.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.TwoBranches;
import com.countyleague.account.Role;
import com.countyleague.volunteer.ServiceRecords;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class BackfillTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Backfills backfills;

    @Autowired
    ServiceRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBackFillNeedsEvidenceCountsForNothingUntilTheUnitAboveApprovesItAndARejectionKeepsItsHistory() throws Exception {
        Branch branch = fixtures.branch("补录支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        String stranger = fixtures.readyAccount(Role.ORG_ADMIN, fixtures.branch("补录他处").committeeId());
        long forgot = fixtures.youth(branch.id(), "忘签到");
        long member = fixtures.youth(branch.id(), "自己申请");
        String memberAccount = fixtures.accountFor(member, branch.id());
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "敬老院探访", null, "敬老院", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
        Instant in = start;
        Instant out = start.plus(Duration.ofHours(2));
        // while recording is open it is a check-in by hand, not a back-fill
        assertThatThrownBy(() -> fixtures.as(secretary, () -> backfills.request(activity, new Backfills.Request(forgot, in, out, "忘记", png()))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("backfill.not-yet"));
        clock.advance(Duration.ofDays(3));
        // after, by hand is refused: it must be a back-fill
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            checkIns.checkInByHand(activity, forgot, null, in, "补登");
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("checkin.manual.backfill-required"));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> backfills.request(activity, new Backfills.Request(forgot, in, out, "忘记", null))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.required"));
        long elsewhere = fixtures.youth(fixtures.branch("补录别处支部").id(), "别处的人");
        assertThatThrownBy(() -> fixtures.as(secretary, () -> backfills.request(activity, new Backfills.Request(elsewhere, in, out, "忘记",
                png())))).isInstanceOf(com.countyleague.web.NotFoundException.class);
        long staffBackfill = fixtures.as(secretary, () -> backfills.request(activity, new Backfills.Request(forgot, in, out, "手机没电未签到",
                pdf())));
        long ownBackfill = fixtures.as(memberAccount, () -> backfills.requestOwn(activity, new Backfills.Request(null, in,
                in.plus(Duration.ofMinutes(30)), "在场但忘了签到", png())));

        // pending: no attendance, no hours, no points, and no certificate of the period
        assertThat(jdbc.sql("select count(*) from attendance where activity_id = ?").param(activity).query(Long.class).single()).isZero();
        assertThat(fixtures.as(secretary, () -> records.of(forgot, LocalDate.now(clock).getYear())).minutes()).isZero();
        assertThatThrownBy(() -> fixtures.as(secretary, () -> records.request(forgot, new ServiceRecords.CertificateDraft(
                LocalDate.now(clock).minusDays(10), LocalDate.now(clock), "某", "某", "1"))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("certificate.backfill-pending"));

        // the secretary cannot approve their own; another committee cannot; the committee above can
        assertThat(fixtures.as(secretary, () -> backfills.waiting())).isEmpty();
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            backfills.approve(staffBackfill, null);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> {
            backfills.approve(staffBackfill, null);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(committee, () -> backfills.waiting())).extracting(r -> r.backfill().getId())
                .containsExactly(staffBackfill, ownBackfill);
        fixtures.as(committee, () -> {
            backfills.approve(staffBackfill, "核对了敬老院签到簿");
            backfills.reject(ownBackfill, "敬老院签到簿上没有你的名字");
            return null;
        });
        assertThat(jdbc.sql("select service_minutes from attendance where activity_id = ? and person_id = ?").params(activity, forgot)
                .query(Integer.class).single()).isEqualTo(120);
        assertThat(fixtures.as(secretary, () -> records.of(forgot, LocalDate.now(clock).getYear())).minutes()).isEqualTo(120);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from points_entry where person_id = ? and kind = 'EARN'")
                .param(forgot).query(Long.class).single() == 2);
        assertThat(jdbc.sql("select count(*) from attendance where activity_id = ? and person_id = ?").params(activity, member)
                .query(Long.class).single()).isZero();
        assertThat(fixtures.as(memberAccount, () -> backfills.mine())).singleElement().satisfies(b -> {
            assertThat(b.getStatus()).isEqualTo(Backfill.Status.REJECTED);
            assertThat(b.getNote()).isEqualTo("敬老院签到簿上没有你的名字");
        });
        assertThatThrownBy(() -> fixtures.as(committee, () -> {
            backfills.approve(ownBackfill, null);
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("backfill.decided"));
        assertThat(jdbc.sql("select count(*) from notification where person_id = ? and message_key = 'backfill.notice.rejected'")
                .param(member).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aForgottenCheckOutIsBackFilledAndCountsOnceApproved() {
        Branch branch = fixtures.branch("补签退支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        long person = fixtures.youth(branch.id(), "忘签退者");
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(20));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "河道巡查", null, "河边", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            checkIns.checkInByHand(id, person, null, start, "现场登记");
            return id;
        });
        clock.advance(Duration.ofHours(5));
        long backfill = fixtures.as(secretary, () -> backfills.request(activity, new Backfills.Request(person, null,
                start.plus(Duration.ofHours(2)), "忘记签退", png())));
        assertThat(jdbc.sql("select checked_out_at is null and service_minutes = 0 from attendance where activity_id = ? and person_id = ?")
                .params(activity, person).query(Boolean.class).single()).isTrue();
        fixtures.as(committee, () -> {
            backfills.approve(backfill, null);
            return null;
        });
        assertThat(jdbc.sql("select service_minutes from attendance where activity_id = ? and person_id = ?").params(activity, person)
                .query(Integer.class).single()).isEqualTo(120);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> backfills.request(activity, new Backfills.Request(person, null,
                start.plus(Duration.ofHours(2)), "再来一次", png())))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("backfill.attended"));
    }

    private static byte[] png() {
        return TwoBranches.png();
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n签到簿扫描件\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
