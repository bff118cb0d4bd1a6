package com.countyleague;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import com.countyleague.TwoBranches.Side;
import com.countyleague.member.Gender;
import com.countyleague.member.TestIds;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Ids that arrive in a form field, a query or a JSON body. Every such input of every endpoint is found
 * from the handler mappings and must be bound below to its two-branch check: the same request
 * succeeds with the own branch's object and is refused, changing nothing, with the other branch's.
 * An input that names something county-wide says why; one that a dedicated test proves names it.
 * A new id field without an entry fails the build.
 */
@IntegrationTest
@org.springframework.context.annotation.Import(TwoBranches.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyIdsTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoBranches world;

    @Autowired
    JdbcClient jdbc;

    @Value("${league.zone}")
    ZoneId zone;

    Side own;
    Side other;

    @BeforeAll
    void twoBranches() {
        TestFixtures.Branch elsewhere = fixtures.branch("字段别处团支部");
        own = world.side("甲字段", elsewhere);
        other = world.side("乙字段", elsewhere);
    }

    /** A request that should succeed with the own side's object in {@code field} and change nothing with the other's. */
    record Check(String who, Function<Side, String> account, Function<String, MockHttpServletRequestBuilder> request,
                 Function<Side, Object> object, String probe) {
    }

    /** The inventory: each id input ("METHOD address field") and how it is held to the caller's reach. */
    private Map<String, Object> inventory() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("POST /activities/new hostOrgId", new Check("secretary", Side::secretary,
                value -> post("/activities/new").param("hostOrgId", value).params(activity("字段活动甲")),
                s -> s.branch().id(), "select count(*) from activity where title = '字段活动甲'"));
        checks.put("POST /activities/new groupId", new Check("leader", Side::leader,
                value -> post("/activities/new").param("groupId", value).params(activity("字段活动乙")),
                Side::group, "select count(*) from activity where title = '字段活动乙'"));
        checks.put("POST /activities/{id}/edit hostOrgId", "the same check as creating: Activities.hosted settles the host of both");
        checks.put("POST /activities/{id}/edit groupId", "the same check as creating: Activities.hosted settles the host of both");
        checks.put("GET /activities/new group", "preselects a group of the form only: the form offers the caller's own groups");
        checks.put("GET /activities group", "narrows the list within what the caller organises (Activities.search keeps to their scope)");
        checks.put("POST /admin/dues/payments personId", "DuesTests.anotherBranchsSecretaryCannotRecordDuesOrSetABandHere");
        checks.put("POST /admin/dues/profiles personId", "DuesTests.anotherBranchsSecretaryCannotRecordDuesOrSetABandHere");
        checks.put("POST /admin/dues/import org", "the unit of the sheet through Reach.unit: DuesTests.aSheetOfPaymentsIsAllOrNothingAndOnlyForTheBranchsMembers");
        checks.put("GET /admin/dues org", "the unit of the page through Reach.unit: DuesTests.anotherBranchsSecretaryCannotRecordDuesOrSetABandHere");
        checks.put("POST /admin/meetings/new organizationId", new Check("secretary", Side::secretary,
                value -> post("/admin/meetings/new").param("organizationId", value).param("kind", "LECTURE")
                        .param("heldOn", LocalDate.now(zone).toString()).param("topic", "字段团课"),
                s -> s.branch().id(), "select count(*) from org_meeting where topic = '字段团课'"));
        checks.put("POST /admin/meetings/new attendeeIds", new Check("secretary", Side::secretary,
                value -> post("/admin/meetings/new").param("organizationId", String.valueOf(own.branch().id())).param("kind", "GROUP_MEETING")
                        .param("heldOn", LocalDate.now(zone).toString()).param("topic", "字段团小组会").param("attendeeIds", value),
                s -> s.leagueYear().leagueMember(), "select count(*) from org_meeting where topic = '字段团小组会'"));
        checks.put("POST /admin/meetings/new activityId", "MeetingsTests.aMeetingHeldAsAnActivityOfTheBranchTakesItsCheckInsAsItsAttendanceOnce "
                + "(only an activity of the branch recorded, itself in reach: Meetings.fromActivities)");
        checks.put("GET /admin/meetings/new activityId", "prefills the form from the branch's own activities only (Meetings.fromActivities of a branch in reach)");
        checks.put("GET /admin/meetings org", "the unit of the page through Reach.unit: MeetingsTests.onlyTheBranchsMembersAreRecordedAndOnlyByStaffWhoReachIt");
        checks.put("GET /admin/meetings/new org", "the branch whose members are ticked, through Reach.requireOrganization: "
                + "MeetingsTests.onlyTheBranchsMembersAreRecordedAndOnlyByStaffWhoReachIt");
        checks.put("GET /admin/reviews org", "the unit of the page through Reach.unit: ReviewsTests.anotherBranchsSecretaryCannotOpenGradeSubmitOrRegisterHere");
        checks.put("POST /admin/reviews meetingId", "ReviewsTests.anotherBranchsSecretaryCannotOpenGradeSubmitOrRegisterHere");
        checks.put("POST /admin/recommendations personId", "RecommendationsTests.anotherBranchsSecretaryCannotNominateDecideOrRecordHere");
        checks.put("POST /admin/recommendations/{id}/decide meetingId", "RecommendationsTests.anotherBranchsSecretaryCannotNominateDecideOrRecordHere");
        checks.put("GET /admin/recommendations org", "the unit of the page through Reach.unit: "
                + "RecommendationsTests.anotherBranchsSecretaryCannotNominateDecideOrRecordHere");
        for (String action : List.of("", "/{id}/decide", "/{id}/approve", "/{id}/outcome")) {
            checks.put("POST /admin/recommendations" + action + " org", "only where the page returns to; the recommendation decides the reach");
        }
        checks.put("GET /admin/study org", "the unit of the page through Reach.unit: YouthStudyTests.anotherBranchsSecretaryCannotImportItsMembersOrSeeItsRates");
        checks.put("POST /admin/dues/payments org", "only where the page returns to after the payment; the payment's unit is its member's");
        checks.put("POST /admin/dues/profiles org", "only where the page returns to after the change; the member decides the reach");
        checks.put("POST /activities/{id}/attendance/in personId",
                "CheckInTests.aSecretaryCannotCheckAPersonOfAnotherBranchInOrOutOfTheirOwnActivityByAnyField");
        checks.put("POST /activities/{id}/attendance/out personId",
                "CheckInTests.aSecretaryCannotCheckAPersonOfAnotherBranchInOrOutOfTheirOwnActivityByAnyField");

        checks.put("POST /admin/people/new organizationId", new Check("secretary", Side::secretary,
                value -> post("/admin/people/new").param("organizationId", value).params(person("字段新人")),
                s -> s.branch().id(), "select count(*) from person where name = '字段新人'"));
        checks.put("POST /admin/people/new compoundId", new Check("secretary", Side::secretary,
                value -> post("/admin/people/new").param("organizationId", String.valueOf(own.branch().id()))
                        .param("compoundId", value).params(person("字段小区人")),
                s -> s.branch().compoundId(), "select count(*) from person where name = '字段小区人'"));
        checks.put("POST /admin/people/new buildingId", new Check("secretary", Side::secretary,
                value -> post("/admin/people/new").param("organizationId", String.valueOf(own.branch().id()))
                        .param("compoundId", String.valueOf(own.branch().compoundId())).param("buildingId", value)
                        .params(person("字段楼栋人")),
                s -> s.branch().firstBuildingId(), "select count(*) from person where name = '字段楼栋人'"));
        for (String field : List.of("organizationId", "compoundId", "buildingId")) {
            checks.put("POST /admin/people/{id}/edit " + field, "the same checks as creating: People.update runs PersonChecks on the branch, "
                    + "its compound and building, and the branch's reach");
        }
        checks.put("GET /admin/people under", "PeopleTests.aSecretaryCannotReachAnotherBranchsPersonByUrlAsIfTheyWereNotThere");
        for (String field : List.of("buildingId", "compoundId")) {
            checks.put("GET /admin/people " + field, "narrows a search within the branches of the caller's reach only (People.unitsToSearch)");
            checks.put("GET /admin/people/export " + field, "the same search as the list (PeopleExport through People.unitsToSearch)");
            checks.put("GET /admin/people/national-export " + field, "the same search as the list (PeopleExport through People.unitsToSearch)");
            checks.put("GET /admin/people/places " + field, "marks the chosen place in the form's choice, among the places of "
                    + "a branch read through Organizations.get (403 outside the reach)");
        }
        checks.put("GET /admin/people/export under", "PeopleTests.aSecretaryCannotReachAnotherBranchsPersonByUrlAsIfTheyWereNotThere "
                + "(the same search as the list)");
        checks.put("GET /admin/people/national-export under", "NationalExportTests.oneRowPerMemberInReachWithNumbersInFullOnlyForThoseWhoMayRevealThem");
        checks.put("GET /admin/people/places organizationId", "the branch is read through Organizations.get: 403 outside the reach");
        checks.put("GET /admin/people/new organizationId", "preselects the branch of the form only: the choice lists the caller's reach");
        checks.put("GET /admin/people/past-age under", "the same search as the list: Memberships.pastLeagueAge through People.unitsToSearch");
        checks.put("POST /admin/people/{id}/transfer toOrgId", "any branch of the county: the receiving branch decides "
                + "(LifeEventsTests.aThirdBranchNeitherSeesNorDecidesTheTransfer)");
        checks.put("POST /admin/people/past-age/retire ids", "each person through People.reachable: 404 outside the reach "
                + "(LifeEventsTests.onlyMembersPast28WithoutAPostAreRetiredAndOnlyAfterConfirmation)");

        checks.put("POST /admin/orgs/new parentId", new Check("org admin", Side::orgAdmin,
                value -> post("/admin/orgs/new").param("reason", "测试原因").param("parentId", value).param("type", "BRANCH").param("name", "字段新支部")
                        .param("code", "FIELD-" + value),
                s -> s.branch().committeeId(), "select count(*) from organization where name = '字段新支部'"));
        checks.put("GET /admin/orgs/new parentId", "preselects the parent of the form only: the choice lists the caller's reach");
        checks.put("GET /admin/orgs under", "OrganizationScopeTests.anOrgAdminCannotReadAnotherSubtreeByUrl");
        checks.put("GET /admin/orgs/tree parent", "the parent is read through Organizations.readable: 403 outside the reach");
        checks.put("POST /admin/orgs/{id}/move parentId", "OrganizationScopeTests.anOrgAdminCannotMoveTheirOwnSubtreeOutOfTheirReach");
        checks.put("POST /admin/orgs/{id}/edit parentId", "the parent is never changed by editing (moving is its own use case, above)");
        checks.put("POST /admin/orgs/delete ids", "OrganizationScopeTests.anOrgAdminCannotChangeAnotherSubtreeByUrl");

        checks.put("POST /admin/groups/new hostOrgId", new Check("secretary", Side::secretary,
                value -> post("/admin/groups/new").param("hostOrgId", value).param("kind", "INTEREST_GROUP")
                        .param("name", "字段兴趣组").param("inactivityDays", "90").param("status", "ACTIVE"),
                s -> s.branch().id(), "select count(*) from community_group where name = '字段兴趣组'"));
        checks.put("GET /admin/groups under", "DashboardTests.aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists "
                + "(Groups.search asks Reach.requireOrganization of it)");
        checks.put("POST /admin/groups/{id}/edit hostOrgId", "the same check as creating, on the old host and the new: Groups.update");
        checks.put("POST /groups/{id}/remove ids", "memberships of that group only: Groups.remove refuses any other (403)");

        checks.put("POST /admin/accounts/new organizationId", new Check("org admin", Side::orgAdmin,
                value -> post("/admin/accounts/new").param("reason", "测试原因").param("organizationId", value).param("username", "field-" + value)
                        .param("displayName", "字段账号").param("role", "MEMBER").param("password", "Field@2026x"),
                s -> s.branch().id(), "select count(*) from account where display_name = '字段账号'"));
        checks.put("GET /admin/accounts/new organizationId", "preselects the unit of the form only: the choice lists the caller's reach");
        checks.put("POST /admin/accounts/{id}/edit organizationId", "AccountAdminTests.anOrgAdminCannotBindAnAccountOutsideTheirSubtree "
                + "(Accounts.update checks the new organisation as create does)");

        for (String field : List.of("hostOrgId", "compoundId", "teamGroupId")) {
            checks.put("POST /volunteer/posts/new " + field, new Check("secretary", Side::secretary,
                    value -> post("/volunteer/posts/new").params(volunteerPost(field, value)),
                    s -> field.equals("hostOrgId") ? s.branch().id() : field.equals("compoundId") ? s.branch().compoundId() : s.team(),
                    "select count(*) from volunteer_post where name = '字段岗" + field + "'"));
            checks.put("POST /volunteer/posts/{id}/edit " + field, "the same check as creating: Rosters.checked");
        }
        checks.put("POST /volunteer/posts/{id}/confirm ids", "shifts of that post only: Rosters.confirm refuses any other (403)");

        checks.put("POST /admin/points/rewards/new providerOrgId", new Check("secretary", Side::secretary,
                value -> post("/admin/points/rewards/new").param("providerOrgId", value).param("name", "字段奖品")
                        .param("kind", "GOODS").param("provider", "社区超市").param("cost", "10").param("stock", "5"),
                s -> s.branch().id(), "select count(*) from reward_item where name = '字段奖品'"));
        checks.put("POST /admin/points/rewards/{id}/edit providerOrgId", "the same check as creating: Rewards.checked");
        checks.put("POST /admin/points/rewards/new minTierId", "tiers are the county's, the same for every branch");
        checks.put("POST /admin/points/rewards/{id}/edit minTierId", "tiers are the county's, the same for every branch");
        checks.put("POST /api/v1/me/redemptions itemId", "the county's one catalogue of published rewards "
                + "(MemberVisibilityTests.aRewardBeingPreparedAndItsPictureAreAbsentForMembersUntilPublished)");

        checks.put("POST /admin/campaigns/new hostOrgId", new Check("secretary", Side::secretary,
                value -> post("/admin/campaigns/new").param("hostOrgId", value).params(campaign("field-host", own.branch().id())),
                s -> s.branch().id(), "select count(*) from recruitment_campaign where code = 'field-host'"));
        checks.put("POST /admin/campaigns/new intakeBranchId", new Check("secretary", Side::secretary,
                value -> post("/admin/campaigns/new").param("hostOrgId", String.valueOf(own.branch().id()))
                        .params(campaign("field-intake", Long.parseLong(value))),
                s -> s.branch().id(), "select count(*) from recruitment_campaign where code = 'field-intake'"));
        checks.put("POST /admin/campaigns/new targets", new Check("secretary", Side::secretary,
                value -> post("/admin/campaigns/new").param("hostOrgId", String.valueOf(own.branch().id()))
                        .param("targets[" + value + "]", "5").params(campaign("field-target", own.branch().id())),
                Side::group, "select count(*) from recruitment_campaign where code = 'field-target'"));
        for (String field : List.of("hostOrgId", "intakeBranchId", "targets")) {
            checks.put("POST /admin/campaigns/{id}/edit " + field, "the same check as creating: Recruitment.checked");
        }
        checks.put("POST /join/{code} groupId", new Check("anyone", s -> null,
                value -> post("/join/" + own.campaignCode()).param("groupId", value).param("channel", "SELF_APPLICATION")
                        .param("name", "字段报名").param("idNumber", TestIds.of(LocalDate.of(2003, 3, 13), Gender.MALE))
                        .param("mobile", "13800002222"),
                Side::group, "select count(*) from application where name = '字段报名'"));
        checks.put("POST /admin/campaigns/{id}/nominate groupId", "the same check as applying: Recruitment.submit takes only the "
                + "campaign's own groups; the nominee by identity number: RecruitmentTests.anOrganisationNominatesOnlyPeopleOfItsReach");

        checks.put("GET /admin/dashboard org", "DashboardTests.aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists");
        checks.put("GET /admin/dashboard/report org", "DashboardTests.aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists "
                + "(the report is made from the same board: Dashboard.board through Reach.unit)");
        checks.put("POST /admin/dashboard/refresh org", "names only the page to go back to: the dashboard there checks it "
                + "(DashboardTests.aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists)");
        checks.put("GET /activities/idle-branches under", "DashboardTests.aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists");
        checks.put("POST /admin/venues/new organizationId", new Check("secretary", Side::secretary,
                value -> post("/admin/venues/new").param("organizationId", value).param("name", "字段阵地").param("kind", "BOOK_BAR")
                        .param("opensAt", "09:00").param("closesAt", "21:00").param("capacity", "20"),
                s -> s.branch().id(), "select count(*) from venue where name = '字段阵地'"));
        checks.put("POST /admin/venues/{id}/edit organizationId", "the same check as creating, and the venue's own: Venues.update");
        checks.put("POST /admin/venues/{id}/bookings activityId", "the activity through Reach.require(ACTIVITY): 403 outside the reach");
        checks.put("POST /admin/venues/{id}/bookings groupId", "VenueTests.anotherBranchCannotBookOrChangeThisBranchsVenueAndALeaderAsksForTheirGroup "
                + "(a group its caller does not run is refused 403)");
        checks.put("GET /admin/venues/coverage under", "DashboardTests.aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists "
                + "(the same Reach.unit)");
        checks.put("GET /admin/venues/coverage.svg under", "the same Reach.unit as the coverage page");
        checks.put("POST /admin/venues/{id}/residents organizationId", "VenueTests.aVenueHasResidentsAndPhotosOfItsManagersReach");
        checks.put("POST /admin/venues/{id}/residents groupId", "VenueTests.aVenueHasResidentsAndPhotosOfItsManagersReach");
        checks.put("POST /admin/venues/positions under", "names only the page to go back to: the coverage page checks it through Reach.unit");
        checks.put("GET /admin/venues/{id}/tools personId", "narrows the venue's own loans (the venue through Reach.require): "
                + "ToolHouseTests.aLoanPastItsDueDateIsOverdueAndItsBorrowerRemindedOnce");
        checks.put("GET /admin/venues/{id}/tools itemId", "narrows the venue's own loans (the venue through Reach.require)");
        checks.put("POST /admin/grids organizationId", new Check("secretary", Side::secretary,
                value -> post("/admin/grids").param("organizationId", value).param("name", "字段网格"),
                s -> s.branch().id(), "select count(*) from grid where name = '字段网格'"));
        checks.put("POST /admin/grids/{id}/compounds compoundId", "GridTests.aGridTakesOnlyCompoundsRolesAndTeamsOfItsManagersReach");
        checks.put("POST /admin/grids/{id}/roles personId", "GridTests.aGridTakesOnlyCompoundsRolesAndTeamsOfItsManagersReach");
        checks.put("POST /admin/grids/{id}/teams groupId", "GridTests.aGridTakesOnlyCompoundsRolesAndTeamsOfItsManagersReach");
        checks.put("POST /admin/issues/new organizationId", new Check("secretary", Side::secretary,
                value -> post("/admin/issues/new").param("organizationId", value).params(issue("字段民情甲")),
                s -> s.branch().id(), "select count(*) from resident_issue where title = '字段民情甲'"));
        checks.put("POST /admin/issues/new councilId", new Check("secretary", Side::secretary,
                value -> post("/admin/issues/new").param("organizationId", String.valueOf(own.branch().id())).param("councilId", value)
                        .params(issue("字段民情乙")),
                s -> s.governance().council(), "select count(*) from resident_issue where title = '字段民情乙'"));
        checks.put("POST /admin/issues/new compoundId", new Check("secretary", Side::secretary,
                value -> post("/admin/issues/new").param("organizationId", String.valueOf(own.branch().id())).param("compoundId", value)
                        .params(issue("字段民情丙")),
                s -> s.branch().compoundId(), "select count(*) from resident_issue where title = '字段民情丙'"));
        checks.put("POST /admin/issues/new buildingId", new Check("secretary", Side::secretary,
                value -> post("/admin/issues/new").param("organizationId", String.valueOf(own.branch().id())).param("buildingId", value)
                        .params(issue("字段民情丁")),
                s -> s.branch().firstBuildingId(), "select count(*) from resident_issue where title = '字段民情丁'"));
        checks.put("GET /admin/issues/new organizationId", "the places offered are read through ResidentIssues.places: Reach.requireOrganization");
        checks.put("GET /admin/issues under", "ResidentIssueTests.anotherBranchsSecretaryCannotReadOrMoveAnIssueOfThisBranch");
        checks.put("GET /admin/issues/export under", "ResidentIssueTests.anotherBranchsSecretaryCannotReadOrMoveAnIssueOfThisBranch "
                + "(the same list through Reach.unit)");
        checks.put("POST /admin/issues/{id}/accept assigneeId", "ResidentIssueTests.anotherBranchsSecretaryCannotReadOrMoveAnIssueOfThisBranch");
        checks.put("POST /admin/issues/{id}/assign assigneeId", "the same check as accepting: Reach.require(PERSON) in ResidentIssues.assign");
        checks.put("POST /me/issues/new compoundId", new Check("member", Side::member,
                value -> post("/me/issues/new").param("compoundId", value).params(issue("字段居民甲")),
                s -> s.branch().compoundId(), "select count(*) from resident_issue where title = '字段居民甲'"));
        checks.put("POST /me/issues/new buildingId", new Check("member", Side::member,
                value -> post("/me/issues/new").param("buildingId", value).params(issue("字段居民乙")),
                s -> s.branch().firstBuildingId(), "select count(*) from resident_issue where title = '字段居民乙'"));
        for (String field : List.of("organizationId", "councilId")) {
            checks.put("POST /me/issues/new " + field, "never bound: a member's form allows IssueForm.MEMBER_FIELDS only, "
                    + "and the issue goes to the member's own branch (MyIssues.report)");
        }
        checks.put("GET /admin/councils under", "CouncilTests.aCouncilThatMetOnTheLastDayOfLastMonthIsBehindThisMonthAndTheMonthsInARowAreCounted");
        checks.put("POST /admin/councils/meetings/{id}/minutes issueIds", "CouncilTests.minutesAreRecordedOnceHeldWithTheIssuesTheCouncilMayTakeUp");
        checks.put("GET /admin/liaison under", "the unit through Reach.unit, as every subtree page (LiaisonPoints.overview)");
        checks.put("POST /admin/liaison organizationId", new Check("secretary", Side::secretary,
                value -> post("/admin/liaison").param("organizationId", value).param("name", "字段联络点"),
                s -> s.branch().id(), "select count(*) from liaison_point where name = '字段联络点'"));
        checks.put("POST /admin/liaison/{id}/representatives personId", new Check("secretary", Side::secretary,
                value -> post("/admin/liaison/" + own.governance().point() + "/representatives").param("personId", value)
                        .param("termFrom", "2026-01-01").param("termTo", "2030-12-31"),
                Side::person, "select count(*) from league_representative where term_to = date '2030-12-31'"));
        checks.put("POST /admin/liaison/{id}/visitors compoundId", "GovernanceTests.aVisitorLogEntryBecomesAnIssueWithItsTextAndPlaceOnce");
        checks.put("POST /admin/liaison/{id}/visitors buildingId", "GovernanceTests.aVisitorLogEntryBecomesAnIssueWithItsTextAndPlaceOnce "
                + "(the building's compound is checked as the compound: ResidentIssues.checkedPlace)");
        checks.put("POST /admin/call-outs groupId", new Check("secretary", Side::secretary,
                value -> post("/admin/call-outs").param("groupId", value).param("title", "字段召集").param("place", "江堤")
                        .param("startsAt", "2030-01-01T08:00").param("endsAt", "2030-01-01T10:00").param("needed", "2"),
                Side::team, "select count(*) from call_out where title = '字段召集'"));
        checks.put("GET /admin/visits under", "the unit through Reach.unit, as every subtree page (Visits.overview)");
        checks.put("POST /admin/visits/buildings/{id} personId",
                "GovernanceTests.aVisitIsLoggedForABuildingsYoungPeopleRaisesAnIssueAndCountsTowardsTheQuarter");
        checks.put("POST /activities/{id}/backfills personId", "BackfillTests.aBackFillNeedsEvidenceCountsForNothingUntilTheUnitAboveApprovesItAndARejectionKeepsItsHistory "
                + "(a person of another branch is answered as absent: Organisers.requirePersonInReach)");
        checks.put("POST /volunteer/posts/{id}/late shiftId", "LateShiftTests.aShiftConfirmedAWeekLateNeedsEvidenceAndCountsOnlyOnceTheUnitAboveApprovesIt "
                + "(a shift of that post only, the post through Rosters.managedPost)");
        checks.put("GET /admin/service/national under", "the unit through Reach.unit, as every subtree page (NationalExports.overview)");
        checks.put("GET /admin/service/national/export under", "the unit through Reach.unit (NationalExports.export); the acceptance "
                + "import takes only records of the caller's reach: NationalExportTests.theExportCarriesTheVolunteerNumberNeverTheIdentityNumberAndTheAcceptanceIsReadBack");
        checks.put("POST /me/shifts/{shift}/swap withPersonId", "RosterTests: a swap is asked of a teammate only "
                + "(Rosters.requestSwap refuses anyone not in the post's team)");
        checks.put("POST /me/shifts/{shift}/swap withShiftId", "the teammate's own shift at the same post only (Rosters.requestSwap)");
        return checks;
    }

    @Test
    void everyIdThatARequestCarriesOutsideItsPathIsHeldToTheCallersReach() throws Exception {
        Map<String, Object> inventory = inventory();
        TreeSet<String> found = idInputs();
        assertThat(found).as("id inputs without an entry in BodyIdsTests.inventory").isSubsetOf(inventory.keySet());
        assertThat(inventory.keySet()).as("entries for id inputs that no longer exist").isSubsetOf(found);

        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Object> entry : inventory.entrySet()) {
            if (entry.getValue() instanceof Check check) {
                failures.addAll(verify(entry.getKey(), check));
            } else if (entry.getValue() instanceof String reason && reason.matches("^[A-Z]\\w+Tests\\.\\w+.*")) {
                // a named test must exist, so that the entry cannot outlive it
                String[] named = reason.split("[ (]")[0].split("\\.");
                Class<?> test = Class.forName(findTestClass(named[0]));
                assertThat(Arrays.stream(test.getDeclaredMethods()).map(Method::getName)).as(reason).contains(named[1]);
            }
        }
        assertThat(failures).isEmpty();
    }

    private List<String> verify(String key, Check check) throws Exception {
        List<String> failures = new ArrayList<>();
        long before = count(check.probe());
        MvcResult refused = perform(check, other);
        if (refused.getResponse().getStatus() >= 500 || count(check.probe()) != before) {
            failures.add(key + ": the other branch's object was taken (" + refused.getResponse().getStatus() + ")");
        }
        MvcResult accepted = perform(check, own);
        if (count(check.probe()) != before + 1) {
            failures.add(key + ": the own branch's object was not taken either (" + accepted.getResponse().getStatus() + " "
                    + accepted.getFlashMap() + "): the check proves nothing");
        }
        return failures;
    }

    private MvcResult perform(Check check, Side side) throws Exception {
        MockHttpServletRequestBuilder request = check.request().apply(String.valueOf(check.object().apply(side))).with(csrf());
        String account = check.account().apply(own);
        if (account != null) {
            request.with(fixtures.signedIn(account));
        }
        return mvc.perform(request).andReturn();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Every request parameter, form field and JSON field that carries an id, as "METHOD address field". */
    private TreeSet<String> idInputs() {
        TreeSet<String> inputs = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            List<String> methods = entry.getKey().getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                    : entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name).toList();
            for (String pattern : entry.getKey().getPatternValues()) {
                for (String method : methods) {
                    for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                        idNames(parameter).forEach(name -> inputs.add(method + " " + pattern + " " + name));
                    }
                }
            }
        }
        return inputs;
    }

    private static List<String> idNames(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
            return isId(name) ? List.of(name) : List.of();
        }
        Class<?> type = parameter.getParameterType();
        if ((parameter.hasParameterAnnotation(RequestBody.class) || parameter.hasParameterAnnotation(ModelAttribute.class))
                && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).filter(BodyIdsTests::isId).toList();
        }
        if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
            return Arrays.stream(BeanUtils.getPropertyDescriptors(type)).filter(p -> p.getWriteMethod() != null)
                    .map(PropertyDescriptor::getName).filter(n -> isId(n) || n.equals("targets")).toList();
        }
        return List.of();
    }

    /** Names that carry ids by this application's conventions. */
    private static boolean isId(String name) {
        return name.endsWith("Id") || name.endsWith("Ids") || List.of("ids", "parent", "under", "group", "org").contains(name);
    }

    private static String findTestClass(String simpleName) {
        for (String module : List.of("", "account.", "activity.", "dashboard.", "group.", "member.", "org.", "orglife.", "points.", "recruitment.", "venue.", "volunteer.", "council.")) {
            try {
                return Class.forName("com.countyleague." + module + simpleName).getName();
            } catch (ClassNotFoundException notThere) {
                // the next module
            }
        }
        throw new AssertionError("No test class " + simpleName);
    }

    // --- forms that are valid but for the id under test ---

    private MultiValueMap<String, String> activity(String title) {
        LocalDateTime start = LocalDateTime.now(zone).plusDays(3).withSecond(0).withNano(0);
        return form("title", title, "type", "VOLUNTEER_SERVICE", "mode", "OFFLINE",
                "startsAt", start.toString(), "endsAt", start.plusHours(2).toString());
    }

    private MultiValueMap<String, String> person(String name) {
        // birth date and gender are read from the identity number
        return form("name", name, "idNumber", TestIds.of(LocalDate.of(2002, 6, 6), Gender.FEMALE), "ledger", "YOUTH", "status", "ACTIVE");
    }

    private MultiValueMap<String, String> volunteerPost(String field, String value) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("hostOrgId", String.valueOf(own.branch().id()),
                "compoundId", String.valueOf(own.branch().compoundId()), "teamGroupId", String.valueOf(own.team())));
        values.put(field, value);
        return form("name", "字段岗" + field, "hostOrgId", values.get("hostOrgId"), "compoundId", values.get("compoundId"),
                "teamGroupId", values.get("teamGroupId"), "peoplePerShift", "1", "slots", "08:00-12:00", "status", "ACTIVE");
    }

    private MultiValueMap<String, String> campaign(String code, long intakeBranchId) {
        return form("code", code, "title", "字段招募", "intakeBranchId", String.valueOf(intakeBranchId),
                "targets[" + own.group() + "]", "5",
                "opensOn", LocalDate.now(zone).toString(), "closesOn", LocalDate.now(zone).plusDays(30).toString(),
                "channels", "SELF_APPLICATION");
    }

    private static MultiValueMap<String, String> issue(String title) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("scope", "LIFE");
        form.add("nature", "WORRY");
        form.add("title", title);
        form.add("description", title + "的具体情况");
        return form;
    }

    private static MultiValueMap<String, String> form(String... pairs) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
