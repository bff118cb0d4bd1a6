package com.countyleague.venue;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.web.RuleViolationException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class ToolHouseTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Venues venues;

    @Autowired
    ToolHouse tools;

    @Autowired
    ToolReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLoanPastItsDueDateIsOverdueAndItsBorrowerRemindedOnce() {
        Branch branch = fixtures.branch("工具屋团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long borrower = fixtures.youth(branch.id(), "借梯人");
        String member = fixtures.accountFor(borrower, branch.id());
        long venue = toolHouse(secretary, branch);
        long ladder = fixtures.as(secretary, () -> tools.addItem(venue, "人字梯", 1));
        long loan = fixtures.as(member, () -> tools.request(ladder));
        LocalDate due = LocalDate.now(clock).plusDays(3);
        fixtures.as(secretary, () -> {
            tools.lend(loan, due);
            return null;
        });
        assertThat(fixtures.as(member, () -> tools.shelf()).mine()).singleElement()
                .satisfies(row -> assertThat(row.loan().getDueOn()).isEqualTo(due));

        // the only ladder is out: a second borrower's request cannot be lent
        String second = fixtures.accountFor(fixtures.youth(branch.id(), "又借梯人"), branch.id());
        long waiting = fixtures.as(second, () -> tools.request(ladder));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            tools.lend(waiting, due);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("tool.loan.none-left");

        assertThat(fixtures.as(secretary, () -> tools.desk(venue)).lent()).singleElement().satisfies(r -> assertThat(r.overdue()).isFalse());
        clock.advance(Duration.ofDays(4));
        assertThat(fixtures.as(secretary, () -> tools.desk(venue)).lent()).singleElement().satisfies(r -> assertThat(r.overdue()).isTrue());
        reminders.remind();
        reminders.remind();
        assertThat(jdbc.sql("select count(*) from notification where person_id = ? and message_key = 'tool.notice.overdue'")
                .param(borrower).query(Long.class).single()).isEqualTo(1);

        fixtures.as(secretary, () -> {
            tools.giveBack(loan, "完好");
            return null;
        });
        assertThat(fixtures.as(secretary, () -> tools.desk(venue)).history()).extracting(r -> r.loan().getReturnCondition())
                .containsExactly("完好");
        // the history per person and per item
        assertThat(fixtures.as(secretary, () -> tools.desk(venue, null, borrower)).history()).hasSize(1);
        assertThat(fixtures.as(secretary, () -> tools.desk(venue, null, fixtures.personOf(second))).history()).isEmpty();
        assertThat(fixtures.as(secretary, () -> tools.desk(venue, ladder, null)).history()).hasSize(1);
    }

    @Test
    void anotherBranchsManagerCannotLendOrTakeBackThisBranchsTools() {
        Branch branch = fixtures.branch("工具屋本支部");
        Branch other = fixtures.branch("工具屋他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "借钻人"), branch.id());
        long venue = toolHouse(secretary, branch);
        long drill = fixtures.as(secretary, () -> tools.addItem(venue, "电钻", 2));
        long loan = fixtures.as(member, () -> tools.request(drill));
        assertThatThrownBy(() -> fixtures.as(stranger, () -> {
            tools.lend(loan, LocalDate.now(clock).plusDays(1));
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> tools.addItem(venue, "锯子", 1))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> tools.desk(venue))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select status from tool_loan where id = ?").param(loan).query(String.class).single()).isEqualTo("REQUESTED");
        // a member of the other branch does not see this branch's tool house
        String outsider = fixtures.accountFor(fixtures.youth(other.id(), "外借人"), other.id());
        assertThat(fixtures.as(outsider, () -> tools.shelf()).offers()).noneMatch(o -> o.item().getId() == drill);
    }

    private long toolHouse(String secretary, Branch branch) {
        return fixtures.as(secretary, () -> venues.create(new Venue.Details(branch.name() + "工具屋", "TOOL_HOUSE", branch.id(), null, null,
                LocalTime.of(8, 0), LocalTime.of(20, 0), 10, null)));
    }
}
