package com.countyleague;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.countyleague.TwoBranches.Side;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every handler mapping of the application, as each kind of caller meets it: the declared matrix
 * ({@code src/test/resources/security/endpoints.txt}) says who may use an endpoint on objects of
 * their own; an endpoint without a row fails the build. Every endpoint that names objects by id in
 * its path is then asked, by each caller it admits, for the other branch's objects: always refused.
 * The matrix is written into {@code docs/security.md} with the rule.
 */
@IntegrationTest
@org.springframework.context.annotation.Import(TwoBranches.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixTests {

    /** Who calls: nobody signed in, then the roles from the bottom up. */
    enum Caller {
        ANONYMOUS, MEMBER, GROUP_LEADER, BRANCH_SECRETARY, ORG_ADMIN, COUNTY_ADMIN
    }

    static final Path DECLARED = Path.of("src/test/resources/security/endpoints.txt");
    static final Path DOCUMENT = Path.of("docs/security.md");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

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

    /** A stored monthly report of the county: county-wide, for the county admin only. */
    static long storedReport;

    TransactionTemplate transactions;

    @Autowired
    void transactions(PlatformTransactionManager manager) {
        transactions = new TransactionTemplate(manager);
    }

    @Value("${league.zone}")
    ZoneId zone;

    Side own;
    Side other;
    TestFixtures.Branch elsewhere;

    record Endpoint(String method, String pattern, HandlerMethod handler) {

        String key() {
            return method + " " + pattern;
        }

        boolean reads() {
            return method.equals("GET");
        }

        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }

    @BeforeAll
    void twoBranches() {
        elsewhere = fixtures.branch("矩阵别处团支部");
        own = world.side("甲矩阵", elsewhere);
        other = world.side("乙矩阵", elsewhere);
        storedReport = jdbc.sql("""
                        insert into monthly_report (organization_id, month, workbook, pdf, created_at)
                        values (?, date '2001-01-01', '\\x00', '\\x00', now()) returning id""")
                .param(fixtures.rootId()).query(Long.class).single();
    }

    @Test
    void everyEndpointHasARowInTheDeclaredMatrixAndAnswersEveryCallerAsDeclared() throws Exception {
        Map<String, Map<Caller, Boolean>> declared = declared();
        Map<String, Map<Caller, Boolean>> observed = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Map<Caller, Boolean> row = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                MvcResult result = perform(endpoint, caller, own);
                int status = result.getResponse().getStatus();
                if (status >= 500) {
                    serverErrors.add(endpoint.key() + " as " + caller + ": " + status);
                }
                row.put(caller, !refused(result));
            }
            observed.put(endpoint.key(), row);
        }
        List<String> undeclared = observed.keySet().stream().filter(k -> !declared.containsKey(k)).toList();
        List<String> stale = declared.keySet().stream().filter(k -> !observed.containsKey(k)).toList();
        List<String> different = observed.keySet().stream().filter(declared::containsKey)
                .filter(k -> !declared.get(k).equals(observed.get(k)))
                .map(k -> k + ": declared " + symbols(declared.get(k)) + ", answered " + symbols(observed.get(k))).toList();
        assertThat(serverErrors).as("server errors").isEmpty();
        assertThat(undeclared).as("endpoints without a row in " + DECLARED + " (as answered now:\n"
                + String.join("\n", undeclared.stream().map(k -> row(k, observed.get(k))).toList()) + "\n)").isEmpty();
        assertThat(stale).as("rows in " + DECLARED + " for endpoints that no longer exist").isEmpty();
        assertThat(different).as("endpoints answering otherwise than declared").isEmpty();
        document(declared);
    }

    @Test
    void noCallerReachesTheOtherBranchsObjectsThroughAnIdInThePath() throws Exception {
        Map<String, Map<Caller, Boolean>> declared = declared();
        List<String> leaks = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.variables().stream().noneMatch(v -> ownedBySide(endpoint.pattern(), v))) {
                continue;
            }
            if (OPEN_TO_EVERY_MEMBER.stream().anyMatch(endpoint.pattern()::startsWith)) {
                continue;
            }
            // member pages act for the caller's own person: staff accounts without one get no further than that
            List<Caller> callers = endpoint.pattern().startsWith("/me/") ? List.of(Caller.MEMBER, Caller.GROUP_LEADER)
                    : List.of(Caller.MEMBER, Caller.GROUP_LEADER, Caller.BRANCH_SECRETARY, Caller.ORG_ADMIN);
            for (Caller caller : callers) {
                if (!declared.getOrDefault(endpoint.key(), Map.of()).getOrDefault(caller, false)) {
                    continue;
                }
                MvcResult result = perform(endpoint, caller, other);
                if (!refused(result)) {
                    leaks.add(endpoint.key() + " as " + caller + " with the other branch's object: " + result.getResponse().getStatus());
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    /**
     * What every member of the county may address whatever their branch: open groups (to browse and
     * apply to) and published rewards (the county's one catalogue). MemberVisibilityTests shows that
     * closed groups and unpublished rewards are absent for them.
     */
    private static final List<String> OPEN_TO_EVERY_MEMBER = List.of("/me/groups/{id}", "/me/rewards/{id}", "/rewards/{id}");

    // --- the requests ---

    /** The endpoint as this caller of the own side would use it, naming the objects of {@code target}. */
    private MvcResult perform(Endpoint endpoint, Caller caller, Side target) throws Exception {
        Object[] values = endpoint.variables().stream().map(v -> pathValue(endpoint.pattern(), v, target)).toArray();
        AbstractMockHttpServletRequestBuilder<?> builder = hasFile(endpoint)
                ? multipart(HttpMethod.valueOf(endpoint.method()), endpoint.pattern(), values)
                : request(HttpMethod.valueOf(endpoint.method()), endpoint.pattern(), values);
        for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName() : param.value() : param.name();
                if (MultipartFile.class.isAssignableFrom(parameter.getParameterType())) {
                    ((MockMultipartHttpServletRequestBuilder) builder).file(new MockMultipartFile(name, "p.png", "image/png", TwoBranches.png()));
                } else {
                    String value = paramValue(name, parameter.getParameterType());
                    if (value != null) {
                        builder.param(name, value);
                    }
                }
            }
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                builder.contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": " + target.reward() + "}");
            }
        }
        if (!endpoint.reads()) {
            // an administrator's change says why (web.AdminChange); harmless elsewhere
            builder.with(csrf()).param("reason", "矩阵");
        }
        String username = username(caller);
        if (username != null) {
            builder.with(fixtures.signedIn(username));
        }
        // each request in a transaction of its own that is rolled back: every caller meets the sides as they were built
        return transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                return mvc.perform(builder).andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(endpoint.key() + " as " + caller, e);
            }
        });
    }

    /** Refused: not signed in (sent to sign in, or 401), forbidden, or as if absent. */
    private static boolean refused(MvcResult result) {
        int status = result.getResponse().getStatus();
        String location = result.getResponse().getRedirectedUrl();
        return status == 401 || status == 403 || status == 404
                || (status == 302 && location != null && location.matches("(https?://[^/]+)?/login([?#].*)?"));
    }

    private String username(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case MEMBER -> own.member();
            case GROUP_LEADER -> own.leader();
            case BRANCH_SECRETARY -> own.secretary();
            case ORG_ADMIN -> own.orgAdmin();
            case COUNTY_ADMIN -> "admin";
        };
    }

    private static boolean hasFile(Endpoint endpoint) {
        return endpoint.handler().getMethodParameters().length > 0 && List.of(endpoint.handler().getMethodParameters()).stream()
                .anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
    }

    /**
     * What each path variable names, by the address it stands in. A new kind of id in a path fails
     * here until it is given its object of each side.
     */
    private String pathValue(String pattern, String variable, Side side) {
        return PATH_RULES.stream().filter(r -> r.variable().equals(variable) && pattern.matches(r.pattern()))
                .findFirst().map(r -> String.valueOf(r.object().apply(side)))
                .orElseThrow(() -> new AssertionError("No object of a side for {" + variable + "} in " + pattern
                        + ": give it one in SecurityMatrixTests.PATH_RULES"));
    }

    /** A path variable of the addresses that match {@code pattern} (a regular expression), and the object it names. */
    record PathRule(String pattern, String variable, Function<Side, Object> object) {
    }

    private static final List<PathRule> PATH_RULES = List.of(
            new PathRule("/activities/\\{id}/proofs/.*", "submission", Side::submission),
            new PathRule("/activities/\\{id}/photos/.*", "photoId", Side::photo),
            new PathRule("/activities/flags/.*", "id", Side::attendanceFlag),
            new PathRule("/volunteer/late-shifts/.*", "id", Side::lateShift),
            new PathRule("/activities/backfills/\\{id}/evidence/.*", "evidenceId", Side::backfillEvidence),
            new PathRule("/activities/backfills/.*", "id", Side::backfill),
            new PathRule("(/me|/api/v1)?/activities/\\{id}.*", "id", Side::activity),
            new PathRule("/admin/people/corrections/\\{id}", "id", Side::correction),
            new PathRule("/admin/meetings/\\{id}/photos/.*", "photoId", s -> s.leagueYear().meetingPhoto()),
            new PathRule("/admin/meetings/\\{id}.*", "id", s -> s.leagueYear().meeting()),
            new PathRule("/admin/reviews/\\{id}.*", "id", s -> s.leagueYear().review()),
            new PathRule("/admin/recommendations/\\{id}.*", "id", s -> s.leagueYear().recommendation()),
            new PathRule("/admin/people/transfers/\\{id}/cancel", "id", Side::transferOut),
            new PathRule("/admin/people/transfers/\\{id}/.*", "id", Side::transferIn),
            new PathRule("/admin/people/import/.*", "job", Side::importJob),
            new PathRule("/admin/people/\\{id}.*", "id", Side::person),
            new PathRule("/admin/points/accounts/.*", "personId", Side::memberPerson),
            new PathRule("/groups/\\{id}/members/.*", "personId", Side::memberPerson),
            new PathRule("/groups/\\{id}/memberships/.*", "membership", Side::pendingMembership),
            new PathRule("/groups/\\{groupId}/applications/.*", "id", Side::application),
            new PathRule("/groups/\\{groupId}.*", "groupId", Side::group),
            new PathRule("(/admin|/me)?/groups/\\{id}.*", "id", Side::group),
            new PathRule("/volunteer/posts/\\{id}/swaps/.*", "swap", Side::swap),
            new PathRule("/volunteer/posts/\\{id}.*", "id", Side::post),
            new PathRule("/me/shifts/unavailable/\\{id}.*", "id", Side::unavailability),
            new PathRule("/me/shifts/\\{shift}.*", "shift", Side::shift),
            new PathRule("/admin/campaigns/reviews/.*", "id", Side::heldApplication),
            new PathRule("/admin/campaigns/\\{id}.*", "id", Side::campaign),
            new PathRule("/join/\\{code}.*", "code", Side::campaignCode),
            new PathRule("(/admin/points|/me)?/rewards/\\{id}.*", "id", Side::reward),
            new PathRule("/admin/points/pickup/.*", "redemption", Side::redemption),
            new PathRule("/me/redemptions/\\{id}.*", "id", Side::redemption),
            new PathRule("/card/\\{code}.*", "code", Side::cardCode),
            new PathRule("/certificates/\\{id}.*", "id", Side::certificate),
            new PathRule("/verify/\\{code}.*", "code", Side::certificateCode),
            new PathRule("/check-in/\\{token}.*", "token", Side::checkInToken),
            new PathRule("/admin/orgs/\\{id}/compounds/.*", "compoundId", s -> s.branch().compoundId()),
            new PathRule("/admin/venues/bookings/.*", "booking", Side::booking),
            new PathRule("/admin/tools/loans/.*", "loan", Side::toolLoan),
            new PathRule("/admin/grids/\\{id}.*", "id", Side::grid),
            new PathRule("/admin/venues/\\{id}/photos/.*", "photoId", Side::venuePhoto),
            new PathRule("/me/tools/.*", "item", Side::toolItem),
            new PathRule("(/admin|/me)/venues/\\{id}.*", "id", Side::venue),
            new PathRule("/admin/orgs/\\{id}.*", "id", s -> s.branch().id()),
            new PathRule("/admin/buildings/\\{id}.*", "id", s -> s.branch().firstBuildingId()),
            new PathRule("(/admin|/me)/issues/\\{id}/photos/.*", "photoId", s -> s.governance().issuePhoto()),
            new PathRule("(/admin|/me)/issues/\\{id}.*", "id", s -> s.governance().issue()),
            new PathRule("/admin/councils/meetings/.*", "id", s -> s.governance().meeting()),
            new PathRule("/admin/councils/\\{id}.*", "id", s -> s.governance().council()),
            new PathRule("/admin/liaison/visitors/.*", "entry", s -> s.governance().visitorEntry()),
            new PathRule("/admin/liaison/\\{id}.*", "id", s -> s.governance().point()),
            new PathRule("(/admin|/me)/call-outs/\\{id}.*", "id", s -> s.governance().callOut()),
            new PathRule("/admin/visits/buildings/.*", "id", s -> s.branch().firstBuildingId()),
            new PathRule("/admin/certificates/requests/.*", "id", Side::certificateRequest),
            new PathRule("/notices/\\{code}/\\{id}.*", "id", Side::certificateRequest),
            new PathRule("/notices/.*", "code", s -> s.branch().code()),
            new PathRule("/admin/accounts/\\{id}.*", "id", Side::account),
            new PathRule("/admin/logs/logins/unlock/.*", "accountId", Side::account),
            // county-wide: one set of dictionaries, and a session that is nobody's
            new PathRule("/admin/dictionaries/.*", "id", s -> 1),
            new PathRule("/admin/online/.*", "reference", s -> "0000"),
            new PathRule("/admin/dashboard/reports/.*", "id", s -> storedReport));

    /** Whether the path variable names an object that belongs to one branch (not the county's dictionaries or sessions). */
    private static boolean ownedBySide(String pattern, String variable) {
        return !pattern.startsWith("/admin/dictionaries/") && !pattern.startsWith("/admin/online/")
                && !pattern.startsWith("/admin/dashboard/reports/")
                && !pattern.startsWith("/join/") && !pattern.startsWith("/verify/") && !pattern.startsWith("/card/")
                && !pattern.startsWith("/notices/")
                && !pattern.startsWith("/check-in/");
    }

    /** A value a form would send for this parameter: ids of the own side's objects, plain values otherwise. */
    private String paramValue(String name, Class<?> type) {
        Map<String, Object> byName = Map.ofEntries(Map.entry("personId", own.person()), Map.entry("withPersonId", own.leaderPerson()),
                Map.entry("toOrgId", elsewhere.id()), Map.entry("organizationId", own.branch().id()), Map.entry("under", own.branch().id()),
                Map.entry("org", own.branch().id()),
                Map.entry("buildingId", own.branch().firstBuildingId()), Map.entry("compoundId", own.branch().compoundId()),
                Map.entry("parent", own.branch().committeeId()), Map.entry("parentId", own.branch().committeeId()),
                Map.entry("group", own.group()),
                Map.entry("shiftId", jdbc.sql("select shift_id from shift_late_confirmation where id = ?").param(own.lateShift())
                        .query(Long.class).single()));
        if (byName.containsKey(name)) {
            return String.valueOf(byName.get(name));
        }
        if (type.isArray() || List.class.isAssignableFrom(type) || name.endsWith("Id")) {
            return null;
        }
        if (type == String.class) {
            return "测试";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "false";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "1";
        }
        if (type == LocalDate.class) {
            return LocalDate.now(zone).toString();
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES).toString();
        }
        if (type.isEnum()) {
            return ((Enum<?>) type.getEnumConstants()[0]).name();
        }
        return null;
    }

    // --- the matrix ---

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).sorted().toList();
            for (String pattern : info.getPatternValues()) {
                methods.forEach(method -> endpoints.add(new Endpoint(method, pattern, entry.getValue())));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static Map<String, Map<Caller, Boolean>> declared() throws IOException {
        Map<String, Map<Caller, Boolean>> rows = new TreeMap<>();
        for (String line : Files.readAllLines(DECLARED)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.trim().split("\\s+");
            Map<Caller, Boolean> row = new EnumMap<>(Caller.class);
            for (Caller caller : Caller.values()) {
                row.put(caller, cells[2 + caller.ordinal()].equals("Y"));
            }
            rows.put(cells[0] + " " + cells[1], row);
        }
        return rows;
    }

    private static String symbols(Map<Caller, Boolean> row) {
        StringBuilder text = new StringBuilder();
        for (Caller caller : Caller.values()) {
            text.append(row.get(caller) ? " Y" : " -");
        }
        return text.toString().trim();
    }

    private static String row(String key, Map<Caller, Boolean> verdicts) {
        String[] parts = key.split(" ", 2);
        return String.format("%-6s %-58s %s", parts[0], parts[1], String.join("  ", symbols(verdicts).split(" ")));
    }

    /** docs/security.md: the rule, and the matrix as declared and verified. */
    private static void document(Map<String, Map<Caller, Boolean>> declared) throws IOException {
        StringBuilder doc = new StringBuilder(Files.readString(DOCUMENT).split("<!-- matrix -->")[0]).append("<!-- matrix -->\n\n");
        doc.append("| method | address | anonymous | member | group leader | secretary | org admin | county admin |\n");
        doc.append("|---|---|---|---|---|---|---|---|\n");
        declared.forEach((key, row) -> {
            String[] parts = key.split(" ", 2);
            doc.append("| ").append(parts[0]).append(" | `").append(parts[1]).append("` |");
            for (Caller caller : Caller.values()) {
                doc.append(row.get(caller) ? " ✓ |" : " · |");
            }
            doc.append('\n');
        });
        Files.writeString(DOCUMENT, doc.toString());
    }

    // --- hostile input ---

    /**
     * Every endpoint of the generated list, with hostile input in every parameter, form field, path
     * variable and JSON body, as the least and the most privileged caller it admits: never a server
     * error, nothing stored when the request is refused, and what is echoed or stored shown escaped.
     * A new endpoint is fuzzed without being named here.
     */
    @Nested
    class Fuzzing {

        private static final String SCRIPT = "<script>alert('fz')</script>";
        private static final Map<String, String> STRINGS = new LinkedHashMap<>();

        static {
            STRINGS.put("empty", "");
            STRINGS.put("blank", " \t\u3000 ");
            STRINGS.put("over-long", "长".repeat(4000) + "x".repeat(6000));
            STRINGS.put("NUL", "a\u0000b");
            STRINGS.put("control characters", "a\u0007b\u001b[31m\r\nc\u202ed\u0008");
            STRINGS.put("emoji and mixed scripts", "😀👨‍👩‍👧 Ωmega العربية 𠀀 ＡＢＣ");
            STRINGS.put("SQL", "' OR '1'='1'; drop table person; --");
            STRINGS.put("HTML", "\"><img src=x onerror=alert(1)>" + SCRIPT);
        }

        private static final List<String> NUMBERS = List.of("-1", "0", "99999999999999999999", "1e309", "abc");
        private static final List<String> DATES = List.of("2026-02-30", "0000-00-00", "9999-12-31T25:61", "昨天");
        private static final List<String> IDS = List.of("-1", "0", "99999999999999999999", "abc");
        /** Logs that record attempts, refused ones included, and the session store. */
        private static final List<String> LOGS = List.of("operation_log", "login_log", "audit_log", "spring_session",
                "spring_session_attributes", "event_publication", "flyway_schema_history");

        enum Kind { STRING, NUMBER, DATE, MISSING, DUPLICATED, PATH }

        record Round(Kind kind, String label, String value) {
        }

        record Input(String name, Class<?> type) {
        }

        @Test
        void everyEndpointTakesHostileInputWithoutAServerErrorAndStoresNothingWhenRefused() throws Exception {
            Map<String, Map<Caller, Boolean>> declared = declared();
            List<String> tables = tables();
            String counts = countsQuery(tables);
            List<String> serverErrors = new ArrayList<>();
            List<String> stored = new ArrayList<>();
            List<String> unescaped = new ArrayList<>();
            int requests = 0;
            for (Endpoint endpoint : endpoints()) {
                for (Caller caller : fuzzCallers(declared.getOrDefault(endpoint.key(), Map.of()))) {
                    for (Round round : rounds(endpoint)) {
                        requests++;
                        String what = endpoint.key() + " as " + caller + " with " + round.kind() + " " + round.label();
                        transactions.executeWithoutResult(status -> {
                            status.setRollbackOnly();
                            List<Long> before = endpoint.reads() ? null : count(counts);
                            MvcResult result;
                            try {
                                result = mvc.perform(fuzzed(endpoint, caller, round)).andReturn();
                            } catch (Exception e) {
                                serverErrors.add(what + ": " + e);
                                return;
                            }
                            int code = result.getResponse().getStatus();
                            if (code >= 500) {
                                serverErrors.add(what + ": " + code);
                            }
                            // a refusal thrown through the service's transaction rolls back all it wrote, as it will in production
                            boolean rolledBack = ((org.springframework.transaction.support.DefaultTransactionStatus) status).isGlobalRollbackOnly();
                            if (before != null && !rolledBack && refusedInput(endpoint, result)) {
                                List<Long> after = count(counts);
                                if (after != null && !after.equals(before)) {
                                    stored.add(what + " (" + code + ") changed " + changedTables(tables, before, after));
                                }
                            }
                            if (showsRawScript(result) || (round.label().equals("HTML") && !refusedInput(endpoint, result)
                                    && followShowsRawScript(result, caller))) {
                                unescaped.add(what);
                            }
                        });
                    }
                }
            }
            System.out.printf("Fuzzed %d requests%n", requests);
            org.assertj.core.api.SoftAssertions.assertSoftly(soft -> {
                soft.assertThat(serverErrors).as("server errors").isEmpty();
                soft.assertThat(stored).as("refused requests that stored something").isEmpty();
                soft.assertThat(unescaped).as("pages showing the script unescaped").isEmpty();
            });
        }

        /** The least privileged caller the endpoint admits, and the county admin: the two ends of every form. */
        private List<Caller> fuzzCallers(Map<Caller, Boolean> row) {
            List<Caller> callers = new ArrayList<>();
            for (Caller caller : Caller.values()) {
                if (row.getOrDefault(caller, false)) {
                    callers.add(caller);
                    break;
                }
            }
            if (row.getOrDefault(Caller.COUNTY_ADMIN, false) && !callers.contains(Caller.COUNTY_ADMIN)) {
                callers.add(Caller.COUNTY_ADMIN);
            }
            return callers.isEmpty() ? List.of(Caller.COUNTY_ADMIN) : callers;
        }

        private List<Round> rounds(Endpoint endpoint) {
            List<Input> inputs = inputs(endpoint);
            boolean body = hasBody(endpoint);
            List<Round> rounds = new ArrayList<>();
            rounds.add(new Round(Kind.MISSING, "everything", null));
            endpoint.variables().stream().findAny().ifPresent(v -> IDS.forEach(id -> rounds.add(new Round(Kind.PATH, id, id))));
            if (inputs.isEmpty() && !body) {
                return rounds;
            }
            STRINGS.forEach((label, value) -> rounds.add(new Round(Kind.STRING, label, value)));
            NUMBERS.forEach(n -> rounds.add(new Round(Kind.NUMBER, n, n)));
            if (body || inputs.stream().anyMatch(i -> temporal(i.type()))) {
                DATES.forEach(d -> rounds.add(new Round(Kind.DATE, d, d)));
            }
            rounds.add(new Round(Kind.DUPLICATED, "parameters", "重复"));
            return rounds;
        }

        private AbstractMockHttpServletRequestBuilder<?> fuzzed(Endpoint endpoint, Caller caller, Round round) {
            Object[] path = endpoint.variables().stream()
                    .map(v -> round.kind() == Kind.PATH ? round.value() : pathValue(endpoint.pattern(), v, own)).toArray();
            AbstractMockHttpServletRequestBuilder<?> builder = hasFile(endpoint)
                    ? multipart(HttpMethod.valueOf(endpoint.method()), endpoint.pattern(), path)
                    : request(HttpMethod.valueOf(endpoint.method()), endpoint.pattern(), path);
            if (round.kind() != Kind.MISSING) {
                for (Input input : inputs(endpoint)) {
                    if (MultipartFile.class.isAssignableFrom(input.type())) {
                        // a name that climbs out of any directory, and bytes that are no image or sheet
                        ((MockMultipartHttpServletRequestBuilder) builder).file(new MockMultipartFile(input.name(),
                                "../../../etc/passwd.xlsx", "image/png", "not what it says".getBytes()));
                        continue;
                    }
                    String fair = paramValue(input.name(), input.type());
                    String value = switch (round.kind()) {
                        case STRING -> input.type() == String.class ? round.value() : fair;
                        case NUMBER -> number(input.type()) ? round.value() : fair;
                        case DATE -> temporal(input.type()) ? round.value() : fair;
                        default -> fair;
                    };
                    if (round.kind() == Kind.DUPLICATED) {
                        builder.param(input.name(), fair == null ? "1" : fair, round.value());
                    } else if (value != null) {
                        builder.param(input.name(), value);
                    }
                }
            }
            if (hasBody(endpoint)) {
                builder.contentType(MediaType.APPLICATION_JSON).content(switch (round.kind()) {
                    case MISSING -> "";
                    case STRING -> "{\"itemId\": \"" + round.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
                    case NUMBER -> "{\"itemId\": " + round.value() + "}";
                    case DATE -> "{\"itemId\": " + own.reward() + ", \"requestKey\": \"" + round.value() + "\"}";
                    case DUPLICATED -> "{\"itemId\": " + own.reward() + ", \"itemId\": \"x\"}";
                    case PATH -> "{\"itemId\": " + own.reward() + "}";
                });
            }
            if (!endpoint.reads()) {
                builder.with(csrf());
            }
            String username = username(caller);
            if (username != null) {
                builder.with(fixtures.signedIn(username));
            }
            return builder;
        }

        /** Request parameters, and the fields of the forms Spring binds from them. */
        private List<Input> inputs(Endpoint endpoint) {
            List<Input> inputs = new ArrayList<>();
            if (endpoint.handler().hasMethodAnnotation(com.countyleague.web.AdminChange.class)) {
                inputs.add(new Input(com.countyleague.web.AdminChange.FIELD, String.class));
            }
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    inputs.add(new Input(param.name().isEmpty() ? param.value().isEmpty() ? parameter.getParameterName() : param.value()
                            : param.name(), type));
                } else if (type.getName().startsWith("com.countyleague.") && !type.isEnum()
                        && !parameter.hasParameterAnnotation(RequestBody.class)
                        && !parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
                    if (type.isRecord()) {
                        for (var component : type.getRecordComponents()) {
                            inputs.add(new Input(component.getName(), component.getType()));
                        }
                    } else {
                        for (var property : org.springframework.beans.BeanUtils.getPropertyDescriptors(type)) {
                            if (property.getWriteMethod() != null) {
                                inputs.add(new Input(property.getName(), property.getPropertyType()));
                            }
                        }
                    }
                }
            }
            return inputs;
        }

        private boolean hasBody(Endpoint endpoint) {
            return List.of(endpoint.handler().getMethodParameters()).stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        }

        private static boolean number(Class<?> type) {
            return type == int.class || type == long.class || type == double.class || Number.class.isAssignableFrom(type);
        }

        private static boolean temporal(Class<?> type) {
            return java.time.temporal.Temporal.class.isAssignableFrom(type) || type == java.time.YearMonth.class;
        }

        /** Refused: sent to sign in, 4xx, a form shown again with its errors, or a redirect carrying the reason. */
        private boolean refusedInput(Endpoint endpoint, MvcResult result) {
            int code = result.getResponse().getStatus();
            boolean page = !endpoint.pattern().startsWith("/api/");
            return refused(result) || code >= 400 || (page && !endpoint.reads() && code == 200)
                    || result.getFlashMap().get("failure") != null;
        }

        private static boolean showsRawScript(MvcResult result) {
            String type = result.getResponse().getContentType();
            try {
                return type != null && type.startsWith("text/html") && result.getResponse().getContentAsString().contains(SCRIPT);
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Where a stored value goes next: the page the form redirects to, as the same caller. */
        private boolean followShowsRawScript(MvcResult result, Caller caller) {
            String location = result.getResponse().getRedirectedUrl();
            if (location == null || !location.startsWith("/")) {
                return false;
            }
            try {
                var next = get(location);
                String username = username(caller);
                if (username != null) {
                    next.with(fixtures.signedIn(username));
                }
                return showsRawScript(mvc.perform(next).andReturn());
            } catch (Exception e) {
                throw new IllegalStateException(location, e);
            }
        }

        /** Every table but the logs, in the order the counts come. */
        private List<String> tables() {
            return jdbc.sql("""
                            select table_name from information_schema.tables
                            where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name""")
                    .query(String.class).list().stream().filter(t -> !LOGS.contains(t)).toList();
        }

        /** One query counting the rows of these tables. */
        private static String countsQuery(List<String> tables) {
            return "select " + String.join(", ", tables.stream().map(t -> "(select count(*) from " + t + ") as \"" + t + "\"").toList());
        }

        /** Row counts by table, or null when the request left the transaction failed (nothing of it can be stored). */
        private List<Long> count(String query) {
            try {
                return jdbc.sql(query).query((rs, n) -> {
                    List<Long> values = new ArrayList<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        values.add(rs.getLong(c));
                    }
                    return values;
                }).single();
            } catch (org.springframework.dao.DataAccessException aborted) {
                return null;
            }
        }

        private static String changedTables(List<String> tables, List<Long> before, List<Long> after) {
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < before.size(); i++) {
                if (!before.get(i).equals(after.get(i))) {
                    changed.add(tables.get(i) + " " + before.get(i) + "→" + after.get(i));
                }
            }
            return String.join(", ", changed);
        }
    }
}
