package com.countyleague.member;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Fills an empty database with a large county for the benchmarks: a county committee, committees,
 * branches, compounds, buildings with their groups, and persons in both ledgers (250,000 by default),
 * encrypted with the same data key the application will run with. Also creates the accounts the
 * load driver signs in with ({@code bench}, {@code bench-org}, {@code bench-sec}; password
 * {@value #PASSWORD}).
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.member.LargeCountyGenerator \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/league_bench --user postgres --persons 250000"
 * </pre>
 */
public final class LargeCountyGenerator {

    public static final String PASSWORD = "Bench@2026";
    /** The demo data key; the instance under test must run with the same LEAGUE_DATA_KEY. */
    static final String DEMO_KEY = "ZGVtby1vbmx5LWtleS1jb3VudHktbGVhZ3VlLTIwMjY=";
    private static final String[] REGIONS = {"511702", "511703", "511722", "511723", "511724", "511725", "511781"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗"};
    private static final String[] GIVEN = {"子涵", "欣怡", "浩然", "梓萱", "宇轩", "诗涵", "俊杰", "雨桐", "思远", "晓燕",
            "嘉怡", "明轩", "一诺", "文博", "佳琪", "天佑", "雅婷", "志强", "鹏", "静", "磊", "婷", "杰", "洋"};

    private static int leagueShare = 55;

    private LargeCountyGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench");
        String user = options.getOrDefault("user", "postgres");
        String password = options.getOrDefault("password", "");
        int persons = Integer.parseInt(options.getOrDefault("persons", "250000"));
        int committees = Integer.parseInt(options.getOrDefault("committees", "33"));
        int branchesPerCommittee = Integer.parseInt(options.getOrDefault("branches", "20"));
        String key = options.getOrDefault("key", DEMO_KEY);
        // the share of persons in the League member ledger, in percent (30,000 of 250,000 is 12)
        leagueShare = Integer.parseInt(options.getOrDefault("league-share", "55"));

        long started = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            if (count(connection, "select count(*) from organization") > 0) {
                throw new IllegalStateException("The database already holds a county; generate into an empty one");
            }
            Instant now = Instant.now();
            Tree tree = tree(connection, committees, branchesPerCommittee, now);
            accounts(connection, tree, now);
            connection.commit();
            System.out.printf(Locale.ROOT, "tree: %d committees, %d branches, %d buildings%n", committees,
                    tree.branches.size(), tree.buildingsOf.values().stream().mapToInt(List::size).sum());
            people(connection, tree, persons, new PersonalData(key), now);
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            connection.commit();
        }
        System.out.printf(Locale.ROOT, "generated %d persons in %.1f s%n", persons, (System.nanoTime() - started) / 1e9);
    }

    /** Branch ids, their codes, and for each branch its buildings as (compound, building) pairs. */
    private record Tree(long root, List<Long> committees, List<Long> branches, Map<Long, List<long[]>> buildingsOf) {
    }

    private static Tree tree(Connection c, int committees, int branchesPerCommittee, Instant now) throws SQLException {
        long root = unit(c, null, "/", 0, "COUNTY_COMMITTEE", "共青团压测县委员会", "BENCH", now);
        List<Long> committeeIds = new ArrayList<>();
        List<Long> branchIds = new ArrayList<>();
        Map<Long, List<long[]>> buildings = new HashMap<>();
        for (int ci = 1; ci <= committees; ci++) {
            String committeeCode = String.format(Locale.ROOT, "B-C%02d", ci);
            long committee = unit(c, root, "/" + root + "/", 1, "COMMITTEE", "压测第" + ci + "团工委", committeeCode, now);
            committeeIds.add(committee);
            String committeePath = "/" + root + "/" + committee + "/";
            for (int bi = 1; bi <= branchesPerCommittee; bi++) {
                String branchCode = committeeCode + String.format(Locale.ROOT, "-B%02d", bi);
                String type = bi % 10 == 0 ? "JOINT_BRANCH" : "BRANCH";
                long branch = unit(c, committee, committeePath, 2, type, "压测第" + ci + "团工委第" + bi + "社区团支部", branchCode, now);
                branchIds.add(branch);
                List<long[]> own = new ArrayList<>();
                int group = 1;
                for (int k = 1; k <= 2; k++) {
                    long compound = insertReturningId(c, "insert into compound (branch_id, name, created_at, version) values (?, ?, ?, 0)",
                            branch, "第" + k + "小区", Timestamp.from(now));
                    for (int b = 1; b <= 6; b++) {
                        long groupId = unit(c, branch, committeePath + branch + "/", 3, "GROUP", "第" + k + "小区" + b + "号楼团小组",
                                branchCode + String.format(Locale.ROOT, "-%02d", group++), now);
                        long building = insertReturningId(c, "insert into building (compound_id, name, group_id, created_at, version) values (?, ?, ?, ?, 0)",
                                compound, b + "号楼", groupId, Timestamp.from(now));
                        own.add(new long[] {compound, building});
                    }
                }
                buildings.put(branch, own);
            }
        }
        return new Tree(root, committeeIds, branchIds, buildings);
    }

    private static long unit(Connection c, Long parent, String parentPath, int depth, String type, String name, String code,
                             Instant now) throws SQLException {
        long id = count(c, "select nextval('organization_id_seq')");
        try (PreparedStatement insert = c.prepareStatement("""
                insert into organization (id, parent_id, path, depth, type, name, code, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")) {
            insert.setLong(1, id);
            insert.setObject(2, parent);
            insert.setString(3, parentPath + id + "/");
            insert.setInt(4, depth);
            insert.setString(5, type);
            insert.setString(6, name);
            insert.setString(7, code);
            insert.setTimestamp(8, Timestamp.from(now));
            insert.setTimestamp(9, Timestamp.from(now));
            insert.executeUpdate();
        }
        return id;
    }

    private static void accounts(Connection c, Tree tree, Instant now) throws SQLException {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        Object[][] accounts = {{"bench", "压测县管理员", "COUNTY_ADMIN", null}, {"bench-org", "压测团工委管理员", "ORG_ADMIN",
                tree.committees.get(0)}, {"bench-sec", "压测支部书记", "BRANCH_SECRETARY", tree.branches.get(0)}};
        for (Object[] a : accounts) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into account (username, password_hash, display_name, role, organization_id, enabled,
                        must_change_password, failed_attempts, created_at, password_changed_at, version)
                    values (?, ?, ?, ?, ?, true, false, 0, ?, ?, 0)""")) {
                insert.setString(1, (String) a[0]);
                insert.setString(2, hash);
                insert.setString(3, (String) a[1]);
                insert.setString(4, (String) a[2]);
                insert.setObject(5, a[3]);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.executeUpdate();
            }
        }
    }

    private static void people(Connection c, Tree tree, int persons, PersonalData data, Instant now) throws Exception {
        long firstId = count(c, "select coalesce(max(id), 0) + 1 from person");
        Random random = new Random(250_000);
        LocalDate today = LocalDate.now();
        Set<String> used = new HashSet<>();
        HexFormat hex = HexFormat.of();
        String stamp = now.toString();
        StringBuilder csv = new StringBuilder();
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        String columns = "id, name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, mobile, ledger, "
                + "political_status, organization_id, compound_id, building_id, workplace, education, source_channel, tags, "
                + "backbone, grid_roles, ethnicity, joined_league_on, league_number, status, created_at, updated_at, version";
        for (int i = 0; i < persons; i++) {
            boolean member = random.nextInt(100) < leagueShare;
            int age = member ? 14 + random.nextInt(17) : 18 + random.nextInt(18);
            LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
            boolean male = random.nextBoolean();
            String id;
            do {
                String body = REGIONS[random.nextInt(REGIONS.length)] + String.format(Locale.ROOT, "%04d%02d%02d%03d",
                        birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(), random.nextInt(500) * 2 + (male ? 1 : 0));
                id = body + IdNumber.checkCharacter(body);
            } while (!used.add(id));
            IdNumber number = IdNumber.of(id);
            long branch = tree.branches.get(random.nextInt(tree.branches.size()));
            long[] place = tree.buildingsOf.get(branch).get(random.nextInt(tree.buildingsOf.get(branch).size()));
            boolean backbone = random.nextInt(100) < 12;
            LocalDate joined = member ? birth.plusYears(14 + random.nextInt(Math.max(1, age - 13))) : null;
            if (joined != null && joined.isAfter(today)) {
                joined = today.minusDays(1);
            }
            csv.append(firstId + i).append(',')
                    .append(SURNAMES[random.nextInt(SURNAMES.length)]).append(GIVEN[random.nextInt(GIVEN.length)]).append(',')
                    .append(male ? "MALE" : "FEMALE").append(',').append(birth).append(',')
                    .append("\\x").append(hex.formatHex(data.encrypt(number.value()))).append(',')
                    .append(data.blindIndex(number)).append(',').append(number.masked()).append(',')
                    .append(String.format(Locale.ROOT, "1%d%09d", 3 + random.nextInt(7), i)).append(',')
                    .append(member ? "LEAGUE_MEMBER" : "YOUTH").append(',').append(member ? "LEAGUE_MEMBER" : "MASSES").append(',')
                    .append(branch).append(',').append(place[0]).append(',').append(place[1]).append(",,BACHELOR,COMMUNITY_POOL,")
                    .append("\"{}\"").append(',').append(backbone).append(',')
                    .append(backbone ? "\"{GRID_MEMBER}\"" : "\"{}\"").append(",01,")
                    .append(joined == null ? "" : joined.toString()).append(',')
                    .append(joined != null && joined.getYear() >= 2017 ? joined.getYear() + String.format(Locale.ROOT, "%08d", i) : "")
                    .append(",ACTIVE,").append(stamp).append(',').append(stamp).append(",0\n");
            if ((i + 1) % 10_000 == 0 || i == persons - 1) {
                copy.copyIn("copy person (" + columns + ") from stdin with (format csv)", new StringReader(csv.toString()));
                csv.setLength(0);
                System.out.printf(Locale.ROOT, "  %d persons%n", i + 1);
            }
        }
        try (Statement statement = c.createStatement()) {
            // leave room for the ids Hibernate hands out in blocks of 50
            statement.execute("select setval('person_id_seq', " + (firstId + persons + 100) + ")");
        }
    }

    private static long insertReturningId(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
