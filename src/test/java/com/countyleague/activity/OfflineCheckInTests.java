package com.countyleague.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Check-ins kept on a phone without signal and sent hours later: recorded once per nonce, at the moment
 * the proof signs (whatever the phone's clock says), and judged as they would have been then.
 */
@IntegrationTest
class OfflineCheckInTests {

    /** 10:00 in the county on a June day: the activity began at 09:50 and lasts two hours */
    private static final Instant SCANNED = Instant.parse("2026-06-10T02:00:05Z");

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

    Branch branch;
    String secretary;
    long person;
    String member;

    @BeforeEach
    void aMemberInTheBasement() {
        clock.setTo(SCANNED);
        branch = fixtures.branch("离线签到团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        person = fixtures.youth(branch.id(), "离线者");
        member = fixtures.accountFor(person, branch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aTokenSentHoursLaterIsRecordedOnceAtTheMomentItWasScanned() throws Exception {
        long activity = published(null);
        String token = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).token());
        UUID nonce = UUID.randomUUID();
        clock.advance(Duration.ofHours(5));

        send(nonce, "\"token\":\"" + token + "\"", SCANNED).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("CHECKED_IN")).andExpect(jsonPath("$.message").value("签到成功，签到时间 10:00"));
        assertThat(checkedInAt(activity)).isEqualTo(SCANNED);
        // sent again (the answer was lost): recorded nothing
        send(nonce, "\"token\":\"" + token + "\"", SCANNED).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ALREADY_SENT"));
        assertThat(rows("attendance", activity)).isEqualTo(1);
        assertThat(rows("offline_check_in", activity)).isEqualTo(1);
        // the same proof with a new nonce (a second phone): answered as a repeated check-in, nothing more
        send(UUID.randomUUID(), "\"token\":\"" + token + "\"", SCANNED).andExpect(jsonPath("$.result").value("ALREADY_IN"));
        assertThat(rows("attendance", activity)).isEqualTo(1);
    }

    @Test
    void aPhoneClockThatLiesOnlyMovesTheMomentInsideTheWindowTheTokenSigns() throws Exception {
        long activity = published(null);
        String token = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).token());
        clock.advance(Duration.ofHours(1));
        send(UUID.randomUUID(), "\"token\":\"" + token + "\"", SCANNED.plus(Duration.ofMinutes(50))).andExpect(status().isOk());
        Instant window = CheckInCodes.start(CheckInCodes.windowAt(SCANNED));
        assertThat(checkedInAt(activity)).isEqualTo(window.plusSeconds(59));
    }

    @Test
    void aTypedCodeIsFoundByTheWindowItSigns() throws Exception {
        long activity = published(null);
        String code = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
        String wrong = String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
        clock.advance(Duration.ofHours(3));

        send(UUID.randomUUID(), "\"code\":\"" + wrong + "\"", SCANNED).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("checkin.code.unknown"));
        // the phone's clock a day off: no activity was open then, so no window matches
        send(UUID.randomUUID(), "\"code\":\"" + code + "\"", SCANNED.minus(Duration.ofDays(1))).andExpect(status().isConflict());
        send(UUID.randomUUID(), "\"code\":\"" + code + "\"", SCANNED.plusSeconds(20)).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("CHECKED_IN"));
        assertThat(checkedInAt(activity)).isEqualTo(SCANNED.plusSeconds(20));
        assertThat(rows("attendance", activity)).isEqualTo(1);
    }

    @Test
    void whatWouldHaveBeenRefusedThenIsRefusedNowAndLeavesNothing() throws Exception {
        // with places to sign up for, only those signed up check in — offline too
        long limited = published(10);
        String token = fixtures.as(secretary, () -> checkIns.screen(limited, CheckIns.Purpose.IN).token());
        clock.advance(Duration.ofHours(2));
        UUID nonce = UUID.randomUUID();
        send(nonce, "\"token\":\"" + token + "\"", SCANNED).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("checkin.signup-required"));
        assertThat(rows("attendance", limited)).isZero();
        assertThat(rows("offline_check_in", limited)).isZero();

        // a forged token, a proof with neither token nor code, and one kept past three days
        send(UUID.randomUUID(), "\"token\":\"" + limited + "-I-" + CheckInCodes.windowAt(SCANNED) + "-AAAAAAAAAAAAAAAAAAAAAA\"", SCANNED)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("checkin.token.invalid"));
        send(UUID.randomUUID(), "\"note\":\"x\"", SCANNED).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("checkin.offline.invalid"));
        long open = published(null);
        String late = fixtures.as(secretary, () -> {
            clock.setTo(SCANNED);
            return checkIns.screen(open, CheckIns.Purpose.IN).token();
        });
        clock.setTo(SCANNED.plus(Duration.ofDays(4)));
        send(UUID.randomUUID(), "\"token\":\"" + late + "\"", SCANNED).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("checkin.offline.too-late"));
        assertThat(rows("attendance", open)).isZero();
    }

    @Test
    void theOrganisersScreenSendsTheYouthCardsItScannedOfflineEachOnceAndOnlyForItsOwnActivity() throws Exception {
        long activity = published(null);
        jdbc.sql("insert into points_account (person_id, balance, earned_total, card_number, card_code, created_at, version) "
                + "values (?, 0, 0, ?, ?, now(), 0) on conflict (person_id) do nothing")
                .params(person, "QXT" + person, "CARDCODE" + person).update();
        clock.advance(Duration.ofHours(4));
        UUID nonce = UUID.randomUUID();
        String scanned = "{\"nonce\":\"" + nonce + "\",\"card\":\"https://league.example.gov.cn/card/CARDCODE" + person
                + "\",\"takenAt\":\"" + SCANNED + "\"}";

        // a secretary of another branch cannot record here
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("别的团支部").id());
        mvc.perform(post("/api/v1/activities/{id}/check-ins", activity).with(fixtures.signedIn(stranger)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(scanned)).andExpect(status().isForbidden());
        assertThat(rows("attendance", activity)).isZero();

        card(activity, scanned).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("CHECKED_IN"));
        card(activity, scanned).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("ALREADY_SENT"));
        assertThat(checkedInAt(activity)).isEqualTo(SCANNED);
        assertThat(rows("attendance", activity)).isEqualTo(1);
        assertThat(jdbc.sql("select check_in_method from attendance where activity_id = ?").param(activity).query(String.class).single())
                .isEqualTo("MANUAL");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'CHECK_IN_BY_CARD' and target = ?").param("activity:" + activity)
                .query(Long.class).single()).isEqualTo(1);
        // the card number typed by hand finds the same member; a card nobody holds is named
        card(activity, "{\"nonce\":\"" + UUID.randomUUID() + "\",\"card\":\"qxt" + person + "\",\"takenAt\":\"" + SCANNED + "\"}")
                .andExpect(jsonPath("$.result").value("ALREADY_IN"));
        card(activity, "{\"nonce\":\"" + UUID.randomUUID() + "\",\"card\":\"NOBODY\",\"takenAt\":\"" + SCANNED + "\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.error").value("checkin.card.unknown"));
    }

    private ResultActions card(long activity, String body) throws Exception {
        return mvc.perform(post("/api/v1/activities/{id}/check-ins", activity).with(fixtures.signedIn(secretary)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions send(UUID nonce, String proof, Instant takenAt) throws Exception {
        return mvc.perform(post("/api/v1/me/check-ins").with(fixtures.signedIn(member)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"nonce\":\"" + nonce + "\"," + proof + ",\"takenAt\":\"" + takenAt + "\"}"));
    }

    private long published(Integer capacity) {
        return fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "地下室整理", null, "地下室", SCANNED.minus(Duration.ofMinutes(10)).minusSeconds(5),
                    SCANNED.plus(Duration.ofHours(2)), null, null, capacity, new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
    }

    private Instant checkedInAt(long activity) {
        return jdbc.sql("select checked_in_at from attendance where activity_id = ? and person_id = ?").params(activity, person)
                .query(java.sql.Timestamp.class).single().toInstant();
    }

    private long rows(String table, long activity) {
        return jdbc.sql("select count(*) from " + table + " where activity_id = ?").param(activity).query(Long.class).single();
    }
}
