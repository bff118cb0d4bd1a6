package com.countyleague.volunteer;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;
import com.countyleague.group.GroupKind;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Service hours from activities and shifts, the certificate PDF read back, and its public verification. */
@IntegrationTest
class CertificateTests {

    @Autowired
    MockMvc mvc;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Rosters rosters;

    @Autowired
    ServiceRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch branch;
    String secretary;
    long person;
    String member;
    String idNumber;

    @BeforeEach
    void aVolunteerWithAnActivityAndAShift() {
        branch = fixtures.branch("证明测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        idNumber = TestIds.of(LocalDate.of(2002, 3, 4), Gender.FEMALE);
        person = fixtures.person(branch.id(), Ledger.YOUTH, "张小三", idNumber, null);
        member = fixtures.accountFor(person, branch.id());

        // 90 minutes present at a two-hour service activity that confers up to two hours (whole minutes, as forms give them)
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "垃圾分类宣传", null, "小区广场", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            checkIns.checkInByHand(id, person, null, start, "现场登记");
            checkIns.checkOutByHand(id, person, start.plus(Duration.ofMinutes(90)), "现场登记");
            return id;
        });
        assertThat(activity).isPositive();

        // one four-hour shift kept at a post of the person's team
        long team = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        fixtures.enrol(team, person);
        long post = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details("文明劝导岗", branch.id(), null, "小区东门", team, 1,
                List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0))), VolunteerPost.Status.ACTIVE)));
        LocalDate today = LocalDate.now(clock);
        fixtures.as(secretary, () -> rosters.generate(post, today, 1));
        clock.advance(Duration.ofDays(2));
        long shift = jdbc.sql("select id from volunteer_shift where post_id = ? and day = ?").params(post, today).query(Long.class).single();
        fixtures.as(secretary, () -> rosters.confirm(post, List.of(shift), true));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theCertificatePdfStatesTheRightHoursAndItsQrCodeLeadsToAMatchingVerification() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long id = issue(today.minusDays(10), today);

        byte[] pdf = mvc.perform(get("/certificates/{id}.pdf", id).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        String number = jdbc.sql("select number from service_certificate where id = ?").param(id).query(String.class).single();
        String link;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("志愿服务记录证明").contains("张小三").contains(idNumber.substring(0, 6) + "********")
                    .contains("累计志愿服务时间5.5小时").contains("垃圾分类宣传").contains("文明劝导岗1班")
                    .contains("李书记").contains("王干事").contains(number).contains(branch.name())
                    .contains("公示期" + DAY.format(today) + "至" + DAY.format(today.plusDays(6)));
            assertThat(text).doesNotContain(idNumber);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)))).getText();
        }
        assertThat(link).startsWith("http://localhost/verify/");

        mvc.perform(get(URI.create(link).getPath()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(number)))
                .andExpect(content().string(containsString("张*三")))
                .andExpect(content().string(containsString(">5.5<")))
                .andExpect(content().string(containsString(branch.name())))
                .andExpect(content().string(not(containsString("张小三"))));
        mvc.perform(get("/verify/NOSUCHCODE0000000000")).andExpect(status().isNotFound());
    }

    @Test
    void aVolunteerNumberIsRecordedOnceInTheCountyAndTheCertificateCarriesIt() throws Exception {
        mvc.perform(post("/admin/people/{id}/volunteer-number", person).param("volunteerNumber", " sc5101 2026 0001 ")
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("success"));
        assertThat(volunteerNumberOf(person)).isEqualTo("SC510120260001");
        mvc.perform(get("/admin/people/{id}", person).with(fixtures.signedIn(secretary)))
                .andExpect(content().string(containsString("SC510120260001")));

        // malformed, taken by someone else, or asked by another branch: refused, and nothing changes
        long other = fixtures.youth(branch.id(), "另一志愿者");
        mvc.perform(post("/admin/people/{id}/volunteer-number", other).param("volunteerNumber", "SC510120260001")
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(flash().attribute("failure", containsString("另一人")));
        mvc.perform(post("/admin/people/{id}/volunteer-number", other).param("volunteerNumber", "编号#1")
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(flash().attribute("failure", containsString("6至30位")));
        assertThat(volunteerNumberOf(other)).isNull();
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("编号别处团支部").id());
        mvc.perform(post("/admin/people/{id}/volunteer-number", person).param("volunteerNumber", "")
                        .with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(volunteerNumberOf(person)).isEqualTo("SC510120260001");

        LocalDate today = LocalDate.now(clock);
        long id = issue(today.minusDays(10), today);
        byte[] pdf = mvc.perform(get("/certificates/{id}.pdf", id).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains("志愿者编号SC510120260001").doesNotContain(idNumber);
        }
    }

    private String volunteerNumberOf(long personId) {
        return jdbc.sql("select volunteer_number from person where id = ?").param(personId).query(String.class).list().get(0);
    }

    @Test
    void onlyTheirSecretaryIssuesAndOnlyTheyAndTheirSecretaryDownload() throws Exception {
        LocalDate today = LocalDate.now(clock);
        Branch other = fixtures.branch("他处团支部");
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        mvc.perform(post("/admin/people/{id}/certificates", person).param("from", today.minusDays(10).toString())
                        .param("to", today.toString()).param("personInCharge", "某").param("handler", "某").param("contact", "1")
                        .with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/people/{id}/certificates", person).with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from service_certificate where person_id = ?").param(person).query(Long.class).single()).isZero();

        long id = issue(today.minusDays(10), today);
        mvc.perform(get("/certificates/{id}.pdf", id).with(fixtures.signedIn(member))).andExpect(status().isOk());
        mvc.perform(get("/certificates/{id}.pdf", id).with(fixtures.signedIn(stranger))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ISSUE_CERTIFICATE' and target = ?")
                .param("person:" + person).query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("update service_certificate set service_minutes = 6000 where id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aCertificateIsIssuedOnlyAfterItsNoticeAndNeverWhileAnObjectionStands() throws Exception {
        LocalDate today = LocalDate.now(clock);
        long request = request(today.minusDays(10), today);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> records.issue(request))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("certificate.notice.running"));
        // the notice page is public and shows the name masked
        String notice = mvc.perform(get("/notices/{code}", branch.code())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(notice).contains("张*三").contains("垃圾分类宣传").doesNotContain("张小三");
        // anyone who reads it objects: the request is held
        mvc.perform(post("/notices/{code}/{id}/objection", branch.code(), request).param("objector", "邻居王某 13900000000")
                .param("objection", "那天她不在小区").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(requestStatus(request)).isEqualTo("HELD");
        clock.advance(Duration.ofDays(7));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> records.issue(request))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("certificate.notice.held"));
        // after the notice, nobody may object any more, and it is off the page
        assertThatThrownBy(() -> records.object(branch.code(), request, "某", "晚了")).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("certificate.notice.closed"));
        assertThat(records.notice(branch.code()).requests()).isEmpty();
        // another branch's secretary neither issues, dismisses nor withdraws it
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("公示他支部").id());
        for (Runnable step : List.<Runnable>of(() -> records.dismissObjection(request), () -> records.withdraw(request),
                () -> records.issue(request))) {
            assertThatThrownBy(() -> fixtures.as(stranger, () -> {
                step.run();
                return null;
            })).isInstanceOf(NotFoundException.class);
        }
        assertThat(requestStatus(request)).isEqualTo("HELD");
        assertThat(jdbc.sql("select count(*) from service_certificate where person_id = ?").param(person).query(Long.class).single()).isZero();

        fixtures.as(secretary, () -> {
            records.dismissObjection(request);
            return null;
        });
        long certificate = fixtures.as(secretary, () -> records.issue(request));
        assertThat(requestStatus(request)).isEqualTo("ISSUED");
        assertThat(jdbc.sql("select notice_from || '/' || notice_to from service_certificate where id = ?").param(certificate)
                .query(String.class).single()).isEqualTo(today + "/" + today.plusDays(7));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> records.issue(request))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("certificate.notice.finished"));
    }

    private String requestStatus(long request) {
        return jdbc.sql("select status from certificate_request where id = ?").param(request).query(String.class).single();
    }

    @Test
    void aPeriodWithoutServiceIsNotCertifiedAndTheYearShowsProgressTowardsTwentyHours() throws Exception {
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> issue(today.minusYears(3), today.minusYears(2)))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("certificate.no-service"));

        ServiceRecords.ServiceRecord mine = fixtures.as(member, () -> records.mine(today.getYear()));
        assertThat(mine.minutes()).isEqualTo(330);
        assertThat(mine.percentOfTarget()).isEqualTo(27);
        mvc.perform(get("/me/service").with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("累计 5.5 小时")));
    }

    /** Asked for, seven days of notice without objection, then issued. */
    private long issue(LocalDate from, LocalDate to) {
        long request = request(from, to);
        clock.advance(Duration.ofDays(7));
        return fixtures.as(secretary, () -> records.issue(request));
    }

    private long request(LocalDate from, LocalDate to) {
        return fixtures.as(secretary, () -> records.request(person,
                new ServiceRecords.CertificateDraft(from, to, "李书记", "王干事", "0571-88880000")));
    }
}
