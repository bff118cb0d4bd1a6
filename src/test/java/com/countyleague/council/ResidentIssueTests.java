package com.countyleague.council;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.TwoBranches;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.web.RuleViolationException;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ResidentIssueTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ResidentIssues issues;

    @Autowired
    MyIssues myIssues;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anIssueGoesThroughEveryStepOnceAndIllegalStepsAreRefusedWithTheReporterToldEachTime() {
        Branch branch = fixtures.branch("民情流程支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long reporter = fixtures.youth(branch.id(), "反映居民");
        String member = fixtures.accountFor(reporter, branch.id());
        long council = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        long assignee = fixtures.youth(branch.id(), "承办青年");
        fixtures.enrol(council, assignee);
        long id = fixtures.as(member, () -> myIssues.report(new MyIssues.Report("LIFE", "WORRY", null, null, "楼道灯坏了",
                "3单元楼道灯坏了一周", false, TwoBranches.png())));
        long told = notices(reporter);

        refused(secretary, () -> issues.start(id));
        refused(secretary, () -> issues.resolve(id, "修好了"));
        refused(member, () -> myIssues.close(id, "好", 5));
        run(secretary, () -> issues.accept(id, assignee, LocalDate.now(clock).plusDays(7)));
        refused(secretary, () -> issues.accept(id, null, null));
        assertThat(fixtures.as(secretary, () -> issues.page(id)).assignees()).extracting(p -> p.id()).contains(assignee);
        run(secretary, () -> issues.start(id));
        refused(secretary, () -> issues.reject(id, "不归我们管"));
        refused(member, () -> myIssues.close(id, "好", 5));
        run(secretary, () -> issues.resolve(id, "已更换灯泡"));
        // the reporter's own issue is theirs to close
        assertThatThrownBy(() -> run(secretary, () -> issues.close(id, "好", 5)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("issue.close.reporter-only"));
        assertThatThrownBy(() -> run(member, () -> myIssues.close(id, "好", 9)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("satisfaction"));
        run(member, () -> myIssues.close(id, "很快就修好了", 5));
        refused(secretary, () -> issues.start(id));
        refused(secretary, () -> issues.reject(id, "晚了"));

        MyIssues.MyIssue mine = fixtures.as(member, () -> myIssues.issue(id));
        assertThat(mine.issue().getStatus()).isEqualTo(ResidentIssue.Status.CLOSED);
        assertThat(mine.issue().getSatisfaction()).isEqualTo(5);
        assertThat(mine.photoIds()).hasSize(1);
        assertThat(mine.history()).extracting(ResidentIssue.Event::action)
                .containsExactly("RAISED", "ACCEPTED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED");
        assertThat(notices(reporter) - told).isEqualTo(5);
        assertThat(notices(assignee)).isEqualTo(1);

        // a rejection needs its reason, and ends there
        long second = fixtures.as(secretary, () -> issues.raise(CouncilTests.report(branch.id(), council, "噪音")));
        assertThatThrownBy(() -> run(secretary, () -> issues.reject(second, " ")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        run(secretary, () -> issues.reject(second, "属于物业合同纠纷，已告知走法律途径"));
        refused(secretary, () -> issues.accept(second, null, null));
        // staff close what staff raised, with the residents' word
        long third = fixtures.as(secretary, () -> issues.raise(CouncilTests.report(branch.id(), null, "健身器材")));
        run(secretary, () -> issues.accept(third, null, null));
        run(secretary, () -> issues.start(third));
        run(secretary, () -> issues.resolve(third, "已维修"));
        run(secretary, () -> issues.close(third, "居民满意", 4));
        assertThat(jdbc.sql("select status from resident_issue where id = ?").param(third).query(String.class).single()).isEqualTo("CLOSED");
    }

    @Test
    void theReporterOfAnAnonymousIssueAppearsOnNoStaffPageExportLogOrAnswer() throws Exception {
        Branch branch = fixtures.branch("匿名民情支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String orgAdmin = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        long reporter = fixtures.youth(branch.id(), "匿名者甄");
        String member = fixtures.accountFor(reporter, branch.id());
        String before = String.valueOf(jdbc.sql("select coalesce(max(id), 0) from operation_log").query(Long.class).single());
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();

        mvc.perform(multipart("/me/issues/new").file(new MockMultipartFile("photo", "p.png", "image/png", TwoBranches.png()))
                        .param("scope", "WORK").param("nature", "HARDSHIP").param("title", "物业乱收费").param("description", "停车费涨价未公示")
                        .param("compoundId", String.valueOf(branch.compoundId())).param("buildingId", String.valueOf(branch.secondBuildingId()))
                        .param("anonymous", "true").with(csrf()).with(fixtures.signedIn(member)))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from resident_issue where title = '物业乱收费' and organization_id = ?").param(branch.id())
                .query(Long.class).single();
        assertThat(jdbc.sql("select anonymous, reporter_person_id is null, raised_by is null from resident_issue where id = ?").param(id)
                .query((rs, n) -> rs.getBoolean(1) && rs.getBoolean(2) && rs.getBoolean(3)).single()).isTrue();
        run(secretary, () -> issues.accept(id, null, null));
        run(secretary, () -> issues.start(id));
        run(secretary, () -> issues.resolve(id, "已公示收费标准"));
        mvc.perform(post("/me/issues/{id}/close", id).param("feedback", "谢谢").param("satisfaction", "4").with(csrf())
                .with(fixtures.signedIn(member))).andExpect(status().is3xxRedirection());

        List<String> traces = List.of("匿名者甄", member, String.valueOf(reporter));
        List<String> seen = new ArrayList<>();
        for (String page : List.of("/admin/issues", "/admin/issues/" + id, "/admin/issues?status=CLOSED")) {
            String body = mvc.perform(get(page).with(fixtures.signedIn(secretary))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).contains("物业乱收费");
            traces.forEach(t -> {
                if (body.contains(t)) {
                    seen.add(page + " shows " + t);
                }
            });
        }
        String adminPage = mvc.perform(get("/admin/issues/" + id).with(fixtures.signedIn(orgAdmin))).andReturn().getResponse().getContentAsString();
        traces.forEach(t -> {
            if (adminPage.contains(t)) {
                seen.add("the committee's page shows " + t);
            }
        });
        byte[] sheet = mvc.perform(get("/admin/issues/export").with(fixtures.signedIn(secretary))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        String exported = text(sheet);
        assertThat(exported).contains("物业乱收费").contains("匿名");
        traces.forEach(t -> {
            if (exported.contains(t)) {
                seen.add("the export shows " + t);
            }
        });
        String logs = String.join("\n", jdbc.sql("""
                        select concat_ws(' ', operator, organization_id, url, parameters, ip, detail) from operation_log where id > ?
                        union all select concat_ws(' ', operator, action, target, detail, ip) from audit_log where id > ?
                        union all select concat_ws(' ', action, actor, note) from resident_issue_event where issue_id = ?""")
                .params(Long.parseLong(before), auditBefore, id).query(String.class).list());
        traces.forEach(t -> {
            // a whole word: the person's id, not a longer number that happens to contain it
            if (java.util.regex.Pattern.compile("(?<![0-9A-Za-z])" + java.util.regex.Pattern.quote(t) + "(?![0-9A-Za-z])").matcher(logs).find()) {
                seen.add("the logs show " + t);
            }
        });
        assertThat(seen).isEmpty();
        assertThat(jdbc.sql("select count(*) from operation_log where id > ? and url like '/me/issues%' and operator = 'anonymous' and ip is null")
                .param(Long.parseLong(before)).query(Long.class).single()).isEqualTo(2);
        // the reporter follows it, and was told of each step
        assertThat(fixtures.as(member, () -> myIssues.mine())).extracting(ResidentIssue::getId).contains(id);
        assertThat(fixtures.as(member, () -> myIssues.issue(id)).history()).extracting(ResidentIssue.Event::actor)
                .containsExactly(null, secretary, secretary, secretary, null);
        assertThat(notices(reporter)).isEqualTo(5);
        // and nobody else reads it as theirs
        String neighbour = fixtures.accountFor(fixtures.youth(branch.id(), "邻居"), branch.id());
        assertThatThrownBy(() -> fixtures.as(neighbour, () -> myIssues.issue(id))).isInstanceOf(com.countyleague.web.NotFoundException.class);
    }

    @Test
    void anotherBranchsSecretaryCannotReadOrMoveAnIssueOfThisBranch() throws Exception {
        Branch branch = fixtures.branch("民情本支部");
        Branch other = fixtures.branch("民情他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        long id = fixtures.as(secretary, () -> issues.raise(CouncilTests.report(branch.id(), null, "垃圾分类点")));
        long photo = fixtures.as(secretary, () -> issues.addPhoto(id, TwoBranches.png()));
        assertThatThrownBy(() -> fixtures.as(stranger, () -> issues.page(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(stranger, () -> issues.accept(id, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(stranger, () -> issues.reject(id, "无"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> issues.photo(id, photo))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> issues.list(new ResidentIssues.Filter(null, false, branch.id()), Pageable.ofSize(10))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(stranger, () -> issues.list(new ResidentIssues.Filter(null, false, null), Pageable.ofSize(100))).rows())
                .extracting(r -> r.issue().getId()).doesNotContain(id);
        // nor raise one for this branch, nor give one to its people
        assertThatThrownBy(() -> fixtures.as(stranger, () -> issues.raise(CouncilTests.report(branch.id(), null, "越界"))))
                .isInstanceOf(AccessDeniedException.class);
        long theirs = fixtures.as(stranger, () -> issues.raise(CouncilTests.report(other.id(), null, "他处的事")));
        long ourPerson = fixtures.youth(branch.id(), "本支部青年");
        assertThatThrownBy(() -> run(stranger, () -> issues.accept(theirs, ourPerson, null)))
                .isInstanceOf(com.countyleague.web.NotFoundException.class);
        assertThat(jdbc.sql("select status from resident_issue where id in (?, ?) order by id").params(id, theirs).query(String.class).list())
                .containsExactly("NEW", "NEW");
        mvc.perform(post("/admin/issues/{id}/accept", id).with(csrf()).with(fixtures.signedIn(stranger))).andExpect(status().isForbidden());
        // a member cannot place an issue in another branch's compound
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "越界居民"), branch.id());
        assertThatThrownBy(() -> fixtures.as(member, () -> myIssues.report(new MyIssues.Report("LIFE", "WORRY", other.compoundId(), null,
                "别处", "别处的事", false, null)))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("compoundId"));
    }

    @Test
    void anOpenIssuePastItsDueDateIsOverdueLongestFirst() {
        Branch branch = fixtures.branch("逾期民情支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long assignee = fixtures.youth(branch.id(), "逾期承办人");
        long early = fixtures.as(secretary, () -> issues.raise(CouncilTests.report(branch.id(), null, "早到期")));
        long late = fixtures.as(secretary, () -> issues.raise(CouncilTests.report(branch.id(), null, "晚到期")));
        long done = fixtures.as(secretary, () -> issues.raise(CouncilTests.report(branch.id(), null, "已办结")));
        run(secretary, () -> issues.accept(early, assignee, LocalDate.now(clock).plusDays(1)));
        run(secretary, () -> issues.accept(late, assignee, LocalDate.now(clock).plusDays(3)));
        run(secretary, () -> issues.accept(done, assignee, LocalDate.now(clock).plusDays(1)));
        run(secretary, () -> issues.start(done));
        run(secretary, () -> issues.resolve(done, "好了"));
        assertThatThrownBy(() -> run(secretary, () -> issues.assign(late, assignee, LocalDate.now(clock).minusDays(1))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("dueOn"));

        ResidentIssues.Filter overdue = new ResidentIssues.Filter(null, true, branch.id());
        assertThat(fixtures.as(secretary, () -> issues.list(overdue, Pageable.ofSize(10))).rows()).isEmpty();
        clock.advance(Duration.ofDays(2));
        assertThat(fixtures.as(secretary, () -> issues.list(overdue, Pageable.ofSize(10))).rows())
                .extracting(r -> r.issue().getId()).containsExactly(early);
        clock.advance(Duration.ofDays(2));
        ResidentIssues.IssueList list = fixtures.as(secretary, () -> issues.list(overdue, Pageable.ofSize(10)));
        assertThat(list.rows()).extracting(r -> r.issue().getId()).containsExactly(early, late);
        assertThat(list.rows()).allMatch(ResidentIssues.IssueRow::overdue);
        assertThat(list.overdue()).isEqualTo(2);
    }

    @Test
    void aFormShowsItsOwnFieldsOnlyAndNoStrayDatesOfASearchForm() throws Exception {
        Branch branch = fixtures.branch("表单字段支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "填表人"), branch.id());
        for (String[] page : List.of(new String[] {member, "/me/issues/new"}, new String[] {secretary, "/admin/issues/new"},
                new String[] {secretary, "/activities/new"}, new String[] {secretary, "/admin/people/new"})) {
            String body = mvc.perform(get(page[1]).with(fixtures.signedIn(page[0]))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(body).as(page[1]).doesNotContain("name=\"from\"").doesNotContain("name=\"to\"");
        }
    }

    private long notices(long personId) {
        return jdbc.sql("select count(*) from notification where person_id = ? and message_key like 'issue.notice.%'").param(personId)
                .query(Long.class).single();
    }

    private static String text(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(7))).isEqualTo("报告人");
            for (Row row : sheet) {
                row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('\t'));
                text.append('\n');
            }
        }
        return text.toString();
    }

    private void refused(String account, Runnable work) {
        assertThatThrownBy(() -> run(account, work)).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.messageKey()).isEqualTo("issue.transition.illegal"));
    }

    private void run(String account, Runnable work) {
        fixtures.as(account, () -> {
            work.run();
            return null;
        });
    }
}
