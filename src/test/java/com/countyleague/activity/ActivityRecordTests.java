package com.countyleague.activity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Records with photos checked from their content, the screen's QR code read back, the pages, the counts per month. */
@IntegrationTest
class ActivityRecordTests {

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
    long activity;

    @BeforeEach
    void anActivityInProgress() {
        branch = fixtures.branch("纪实测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        Instant start = clock.instant().minus(Duration.ofMinutes(20));
        activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.ORGANISATIONAL_LIFE, Activity.Mode.OFFLINE,
                    "主题团日" + TestFixtures.uniqueCode("R"), "学习讨论", "党群服务中心", start, start.plus(Duration.ofHours(2)),
                    null, null, null, null));
            activities.publish(id);
            return id;
        });
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anUploadThatIsNotAnImageIsRefusedWhateverItsName() throws Exception {
        byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\n".getBytes();
        byte[] damagedPng = Arrays.copyOf(png(40, 30), 20);
        byte[] hugeJpeg = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0, hugeJpeg, 0, 3);
        for (byte[] refused : List.of(pdf, damagedPng, hugeJpeg)) {
            mvc.perform(multipart("/activities/{id}/photos", activity).file(new MockMultipartFile("photo", "photo.png", "image/png", refused))
                            .with(fixtures.signedIn(secretary)).with(csrf()))
                    .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("failure"));
        }
        assertThat(photos()).isZero();

        byte[] image = png(120, 80);
        mvc.perform(multipart("/activities/{id}/photos", activity).file(new MockMultipartFile("photo", "团日.txt", "text/plain", image))
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("success"));
        assertThat(photos()).isEqualTo(1);
        long photo = jdbc.sql("select id from photo where activity_id = ?").param(activity).query(Long.class).single();
        assertThat(jdbc.sql("select width || 'x' || height from photo where id = ?").param(photo).query(String.class).single()).isEqualTo("120x80");
        byte[] served = mvc.perform(get("/activities/{id}/photos/{p}", activity, photo).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(image);

        String member = fixtures.accountFor(fixtures.youth(branch.id(), "旁观者"), branch.id());
        mvc.perform(get("/activities/{id}/photos/{p}", activity, photo).with(fixtures.signedIn(member))).andExpect(status().isForbidden());
    }

    @Test
    void theScreensQrCodeReadsBackAsTheLinkThatChecksAMemberIn() throws Exception {
        byte[] png = mvc.perform(get("/activities/{id}/screen/qr.png", activity).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // the image is the code alone: ZXing's finder-pattern search misses about 1 in 60 such crisp images
        String link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        assertThat(link).startsWith("http://localhost/check-in/" + activity + "-I-");

        String member = fixtures.accountFor(fixtures.youth(branch.id(), "扫码者"), branch.id());
        mvc.perform(get(URI.create(link).getPath()).with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("签到成功")));
    }

    @Test
    void theOrganiserAndMemberPagesRenderInBothLanguages() throws Exception {
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "页面成员"), branch.id());
        for (String lang : List.of("zh_CN", "en")) {
            for (String page : List.of("/activities", "/activities?type=ORGANISATIONAL_LIFE&text=团日", "/activities/new",
                    "/activities/" + activity, "/activities/" + activity + "/edit", "/activities/" + activity + "/screen",
                    "/activities/" + activity + "/screen?purpose=OUT", "/activities/" + activity + "/screen/live",
                    "/activities/report")) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn(secretary))).andExpect(status().isOk());
            }
            for (String page : List.of("/me/activities", "/me/activities?type=ORGANISATIONAL_LIFE", "/me/activities/" + activity, "/me/check-in")) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn(member))).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/activities/{id}/screen", activity).with(fixtures.signedIn(secretary)))
                .andExpect(content().string(containsString("id=\"checkin-code\"")));
    }

    @Test
    void aMemberSeesTheActivitiesOfTheirBranchOfTheUnitsAboveItAndOfTheirGroups() {
        long person = fixtures.youth(branch.id(), "浏览者");
        String member = fixtures.accountFor(person, branch.id());
        Branch other = fixtures.branch("隔壁团支部");
        Instant tomorrow = clock.instant().plus(Duration.ofDays(1));
        long elsewhere = future(other.id(), null, "隔壁的活动", tomorrow);
        long countyWide = future(fixtures.rootId(), null, "全县的活动", tomorrow);
        long team = fixtures.group(GroupKind.INTEREST_GROUP, other.id(), null);
        long ofTheGroup = future(null, team, "兴趣小组的活动", tomorrow);

        assertThat(upcomingOf(member)).contains(activity, countyWide).doesNotContain(elsewhere, ofTheGroup);
        fixtures.enrol(team, person);
        assertThat(upcomingOf(member)).contains(activity, countyWide, ofTheGroup).doesNotContain(elsewhere);
    }

    private long future(Long host, Long group, String title, Instant start) {
        return fixtures.as("admin", () -> {
            long id = activities.create(new Activity.Details(host, group, Activity.Type.OTHER, Activity.Mode.OFFLINE, title, null, null,
                    start, start.plus(Duration.ofHours(1)), null, null, null, null));
            activities.publish(id);
            return id;
        });
    }

    private List<Long> upcomingOf(String member) {
        return fixtures.as(member, () -> activities.upcoming(null)).stream().map(v -> v.activity().getId()).toList();
    }

    @Test
    void theReportCountsActivitiesAndAttendancesPerHostAndMonth() {
        for (String name : List.of("甲", "乙", "丙")) {
            long person = fixtures.youth(branch.id(), "统计" + name);
            String member = fixtures.accountFor(person, branch.id());
            fixtures.as(member, () -> checkIns.enterCode(activity, fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code())));
        }
        LocalDate today = LocalDate.now(clock);
        List<Activities.MonthlyCount> rows = fixtures.as(secretary, () -> activities.report(today.minusDays(1), today.plusDays(1)));
        assertThat(rows).filteredOn(r -> r.hostOrgId() == branch.id()).singleElement().satisfies(r -> {
            assertThat(r.month()).isEqualTo(YearMonth.from(clock.instant().minus(Duration.ofMinutes(20)).atZone(clock.getZone())));
            assertThat(r.activities()).isEqualTo(1);
            assertThat(r.attendances()).isEqualTo(3);
        });
    }

    private long photos() {
        return jdbc.sql("select count(*) from photo where activity_id = ?").param(activity).query(Long.class).single();
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
