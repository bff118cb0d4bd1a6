package com.countyleague;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.countyleague.account.Accounts;
import com.countyleague.account.Role;
import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.group.Membership;
import com.countyleague.group.PracticeTheme;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.member.People;
import com.countyleague.member.PersonDraft;
import com.countyleague.org.Organizations;
import com.countyleague.org.Residences;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Builds what a test needs through the real services, signed in as the demo county admin. */
@TestComponent
public class TestFixtures {

    public static final String PASSWORD = "Test@2026x";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    private final Organizations organizations;
    private final Residences residences;
    private final Accounts accounts;
    private final People people;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Groups groups;

    TestFixtures(Organizations organizations, Residences residences, Accounts accounts, People people,
                 UserDetailsService users, JdbcClient jdbc, Groups groups) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.organizations = organizations;
        this.residences = residences;
        this.accounts = accounts;
        this.people = people;
        this.users = users;
    }

    /** A community branch under a committee of its own, with one compound of two buildings. */
    public Branch branch(String name) {
        long committee = committee(name + "所属团工委");
        long branch = unit(committee, OrganizationType.BRANCH, name);
        return as("admin", () -> {
            long compound = residences.addCompound(branch, name + "小区", null);
            long first = residences.addBuilding(compound, "1号楼");
            long second = residences.addBuilding(compound, "2号楼");
            Organization unit = organizations.get(branch);
            return new Branch(branch, unit.getCode(), unit.getName(), compound, first, second, committee);
        });
    }

    public record Branch(long id, String code, String name, long compoundId, long firstBuildingId, long secondBuildingId,
                         long committeeId) {
    }

    /** A person recorded by the county admin; returns the id. */
    public long person(long branchId, Ledger ledger, String name, String idNumber, String mobile) {
        return as("admin", () -> people.create(new PersonDraft(name, null, null, idNumber, mobile, ledger, null, branchId,
                null, null, null, null, null, List.of(), null, false, Set.of(), null, null, null, null, null, null, null)));
    }

    /** A code no other test uses. */
    public static String uniqueCode(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    public long rootId() {
        return as("admin", () -> organizations.tree(null).get(0).organization().getId());
    }

    public long committee(String name) {
        return unit(rootId(), OrganizationType.COMMITTEE, name);
    }

    public long unit(long parentId, OrganizationType type, String name) {
        return as("admin", () -> organizations.create(new Organizations.Draft(parentId, type,
                new Organization.Details(name, uniqueCode("T"), null, null, null, List.of()))));
    }

    public Organization organization(long id) {
        return as("admin", () -> organizations.get(id));
    }

    /** A new account of this role bound to the organisation, with the password {@link #PASSWORD}. */
    public String account(Role role, Long organizationId) {
        String username = uniqueCode("u").toLowerCase();
        as("admin", () -> accounts.create(new Accounts.AccountDraft(username, "测试" + username, role, organizationId, PASSWORD)));
        return username;
    }

    /** An account whose owner has already chosen their own password: it signs in straight to its home. */
    public String readyAccount(Role role, Long organizationId) {
        String username = account(role, organizationId);
        jdbc.sql("update account set must_change_password = false where username = ?").param(username).update();
        return username;
    }

    /** A member's account for a person of the ledgers, ready to sign in with {@link #PASSWORD}. */
    public String accountFor(long personId, long organizationId) {
        String username = uniqueCode("m").toLowerCase();
        as("admin", () -> accounts.createForPerson(new Accounts.AccountDraft(username, "成员" + username, Role.MEMBER,
                organizationId, PASSWORD), personId));
        jdbc.sql("update account set must_change_password = false where username = ?").param(username).update();
        return username;
    }

    /**
     * Many members at once: persons in the youth ledger of the branch, each with a member account (the
     * password {@link #PASSWORD}, hashed once for all). Returns the account names, in order.
     */
    public List<String> members(long branchId, String namePrefix, int count) {
        String hash = new BCryptPasswordEncoder().encode(PASSWORD);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // names are checked like real ones: the number is written in 甲乙丙…
            String name = namePrefix + Integer.toString(i).chars().mapToObj(d -> String.valueOf("甲乙丙丁戊己庚辛壬癸".charAt(d - '0')))
                    .reduce("", String::concat);
            long person = youth(branchId, name);
            String username = uniqueCode("m").toLowerCase();
            jdbc.sql("""
                    insert into account (username, password_hash, display_name, role, organization_id, enabled, must_change_password,
                                         failed_attempts, created_at, password_changed_at, version, person_id)
                    values (?, ?, ?, 'MEMBER', ?, true, false, 0, now(), now(), 0, ?)""")
                    .params(username, hash, name, branchId, person).update();
            usernames.add(username);
        }
        return usernames;
    }

    /** The person behind a member account. */
    public long personOf(String username) {
        return jdbc.sql("select person_id from account where username = ?").param(username).query(Long.class).single();
    }

    /** A group hosted by the given unit, created by the county admin. */
    public long group(GroupKind kind, long hostOrgId, Integer capacity) {
        return as("admin", () -> groups.create(new CommunityGroup.Details(kind,
                kind.hasTheme() ? PracticeTheme.COMMUNITY_BUILDER : null, "测试" + uniqueCode("团"), hostOrgId, null, capacity,
                CommunityGroup.DEFAULT_INACTIVITY_DAYS, CommunityGroup.Status.ACTIVE)));
    }

    /** The person joins the group at once (or its waiting list), enrolled by the county admin. */
    public Membership enrol(long groupId, long personId) {
        return as("admin", () -> groups.enrol(groupId, personId));
    }

    /** A person in the youth ledger of the branch, with a fresh identity number. */
    public long youth(long branchId, String name) {
        return person(branchId, Ledger.YOUTH, name, TestIds.of(LocalDate.of(2000, 1, 1), Gender.MALE), null);
    }

    /** MockMvc as this account, without going through the sign-in form. */
    public RequestPostProcessor signedIn(String username) {
        return user(users.loadUserByUsername(username));
    }

    /** Runs a use case as the given account, as if it were the caller of a request. */
    public <T> T as(String username, Callable<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails principal = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** Runs the tasks on their own threads, all let go at the same instant: for races the database must settle. */
    public static <T> List<T> atOnce(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
