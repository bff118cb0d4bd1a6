package com.countyleague.account;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Account use cases. County admins manage every account; org admins manage the accounts bound to
 * their subtree and may not create county admins. Every change that affects what an account may
 * do ends its open sessions, so it takes effect at once.
 */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final OrganizationDirectory organizations;
    private final Actors actors;
    private final PasswordEncoder passwordEncoder;
    private final OnlineSessions sessions;
    private final LoginLog loginLog;
    private final PasswordHistory history;
    private final Clock clock;

    Accounts(AccountRepository accounts, OrganizationDirectory organizations, Actors actors,
             PasswordEncoder passwordEncoder, OnlineSessions sessions, LoginLog loginLog, PasswordHistory history, Clock clock) {
        this.history = history;
        this.accounts = accounts;
        this.organizations = organizations;
        this.actors = actors;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.loginLog = loginLog;
        this.clock = clock;
    }

    public record AccountSearch(String text, Role role, Boolean enabled) {
    }

    /** An account as a list shows it, with the name of its organisation. */
    public record AccountRow(Account account, String organizationName, boolean locked) {
    }

    public record AccountDraft(String username, String displayName, Role role, Long organizationId, String password) {
    }

    @Transactional(readOnly = true)
    public Page<AccountRow> search(AccountSearch search, Pageable pageable) {
        Actor actor = requireAccountAdmin();
        // the county admin's list has no organisation limit; the placeholder id keeps the IN list non-empty
        List<Long> reach = actor.isCountyAdmin() ? List.of(-1L) : organizationIdsWithin(actor);
        Page<Account> page = accounts.search(actor.isCountyAdmin(), reach, Texts.containing(search.text()),
                search.role(), search.enabled(), pageable);
        Map<Long, String> names = organizationNames(page.map(Account::getOrganizationId).getContent());
        return page.map(a -> new AccountRow(a, names.get(a.getOrganizationId()), a.isLockedAt(clock.instant())));
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return manageable(id);
    }

    /** Organisations the caller may bind accounts to, in tree order. */
    @Transactional(readOnly = true)
    public List<OrganizationRef> assignableOrganizations() {
        Actor actor = requireAccountAdmin();
        return organizations.within(actor.scopePrefix());
    }

    /** Roles the caller may give. */
    public List<Role> grantableRoles() {
        Actor actor = requireAccountAdmin();
        return Arrays.stream(Role.values()).filter(actor.role()::mayGrant).toList();
    }

    @Transactional
    public long create(AccountDraft draft) {
        Actor actor = requireAccountAdmin();
        checkAssignment(actor, draft.role(), draft.organizationId());
        if (accounts.existsByUsernameIgnoreCase(draft.username())) {
            throw new RuleViolationException("username", "account.username.taken");
        }
        requireStrong("password", draft.password());
        Account account = new Account(draft.username().trim(), draft.displayName().trim(), draft.role(),
                draft.organizationId(), passwordEncoder.encode(draft.password()), true, clock.instant());
        return accounts.save(account).getId();
    }

    /** An account for a person of the ledgers (a member signing in on their phone), bound to their branch. */
    @Transactional
    public long createForPerson(AccountDraft draft, long personId) {
        if (accounts.existsByPersonId(personId)) {
            throw new RuleViolationException("username", "account.person.taken");
        }
        long id = create(draft);
        accounts.findById(id).orElseThrow().linkPerson(personId);
        return id;
    }

    /** Links an account to the caller-reachable person it belongs to; ends its sessions so the link takes effect. */
    @Transactional
    public void linkPerson(String username, Long personId) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("account", username));
        manageable(account.getId());
        if (personId != null && accounts.existsByPersonId(personId)) {
            throw new RuleViolationException("username", "account.person.taken");
        }
        account.linkPerson(personId);
        sessions.endAllOf(account.getUsername());
    }

    /** The usernames of accounts that belong to these persons, for pages that show who can sign in. */
    @Transactional(readOnly = true)
    public Map<Long, String> usernamesOfPersons(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        return accounts.findByPersonIdIn(personIds).stream().collect(Collectors.toMap(Account::getPersonId, Account::getUsername));
    }

    @Transactional
    public void update(long id, AccountDraft draft) {
        Actor actor = requireAccountAdmin();
        Account account = manageable(id);
        checkAssignment(actor, draft.role(), draft.organizationId());
        boolean reachChanged = account.getRole() != draft.role()
                || !Objects.equals(account.getOrganizationId(), draft.organizationId());
        if (reachChanged && account.getId() == actor.accountId()) {
            throw RuleViolationException.of("account.self.role");
        }
        account.assign(draft.displayName().trim(), draft.role(), draft.organizationId());
        if (reachChanged) {
            sessions.endAllOf(account.getUsername());
        }
    }

    /** Sets a new password that its owner must change at the next sign-in. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        requireAccountAdmin();
        requireStrong("password", newPassword);
        Account account = manageable(id);
        history.requireNew(account, newPassword, "password");
        history.replacing(account);
        account.setPassword(passwordEncoder.encode(newPassword), true, clock.instant());
        sessions.endAllOf(account.getUsername());
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        Actor actor = requireAccountAdmin();
        Account account = manageable(id);
        if (account.getId() == actor.accountId()) {
            throw RuleViolationException.of("account.self.disable");
        }
        account.setEnabled(enabled);
        if (!enabled) {
            sessions.endAllOf(account.getUsername());
        }
    }

    /** The caller changes their own password. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Actor actor = actors.current();
        Account account = accounts.findById(actor.accountId()).orElseThrow(() -> new NotFoundException("account", actor.accountId()));
        if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
            throw new RuleViolationException("currentPassword", "account.password.current-wrong");
        }
        requireStrong("newPassword", newPassword);
        if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
            throw new RuleViolationException("newPassword", "account.password.same");
        }
        history.requireNew(account, newPassword, "newPassword");
        history.replacing(account);
        account.setPassword(passwordEncoder.encode(newPassword), false, clock.instant());
        // whoever else knew the old password is signed out everywhere; this session goes on
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        sessions.endAllOf(account.getUsername(), request == null ? null : request.getSessionId());
    }

    @Transactional(readOnly = true)
    public Account me() {
        long id = actors.current().accountId();
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationRef> organizationOf(Account account) {
        return account.getOrganizationId() == null ? Optional.empty() : organizations.find(account.getOrganizationId());
    }

    /** Accounts locked out right now, for the login log page. County admin only. */
    @Transactional(readOnly = true)
    public List<Account> lockedNow() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return accounts.lockedAt(clock.instant());
    }

    @Transactional
    public void unlock(long id) {
        Actor actor = actors.current();
        actor.requireRole(Role.COUNTY_ADMIN);
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
        account.unlock();
        loginLog.record(account.getUsername(), account.getId(), LoginLog.Result.UNLOCKED, "by " + actor.username());
    }

    /** Sign-in bookkeeping: a wrong password; returns whether it locked the account. */
    @Transactional
    boolean recordFailedLogin(String username) {
        return accounts.lockByUsername(username).map(a -> a.recordFailedLogin(clock.instant())).orElse(false);
    }

    @Transactional
    void recordSuccessfulLogin(long accountId) {
        accounts.findById(accountId).ifPresent(Account::recordSuccessfulLogin);
    }

    private Account manageable(long id) {
        Actor actor = requireAccountAdmin();
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("account", id));
        if (actor.isCountyAdmin()) {
            return account;
        }
        String path = account.getOrganizationId() == null ? null
                : organizations.find(account.getOrganizationId()).map(OrganizationRef::path).orElse(null);
        if (!mayManage(actor, account.getRole(), path)) {
            throw new AccessDeniedException("Account " + id + " is outside the reach of " + actor.username());
        }
        return account;
    }

    /**
     * An organisation admin manages accounts strictly below their own level: of roles they may grant,
     * within their reach, and never an admin of their own unit (a peer, or themselves).
     */
    private static boolean mayManage(Actor actor, Role role, String organizationPath) {
        if (actor.isCountyAdmin()) {
            return true;
        }
        return actor.role().mayGrant(role) && actor.covers(organizationPath)
                && !(role.isAdmin() && organizationPath.equals(actor.scopePath()));
    }

    private void checkAssignment(Actor actor, Role role, Long organizationId) {
        if (role == null || !actor.role().mayGrant(role)) {
            throw new AccessDeniedException("Role " + role + " may not be granted by " + actor.role());
        }
        if (organizationId == null) {
            if (role != Role.COUNTY_ADMIN) {
                throw new RuleViolationException("organizationId", "account.organization.required");
            }
            return;
        }
        OrganizationRef organization = organizations.find(organizationId)
                .orElseThrow(() -> new RuleViolationException("organizationId", "account.organization.required"));
        if (!mayManage(actor, role, organization.path())) {
            throw new AccessDeniedException("Role " + role + " at " + organizationId + " may not be granted by " + actor.username());
        }
    }

    private Actor requireAccountAdmin() {
        Actor actor = actors.current();
        actor.requireAdmin();
        return actor;
    }

    private List<Long> organizationIdsWithin(Actor actor) {
        return organizations.within(actor.scopePrefix()).stream().map(OrganizationRef::id).toList();
    }

    private Map<Long, String> organizationNames(Collection<Long> ids) {
        List<Long> present = ids.stream().filter(Objects::nonNull).distinct().toList();
        return present.isEmpty() ? Map.of()
                : organizations.findAll(present).stream().collect(Collectors.toMap(OrganizationRef::id, OrganizationRef::name, (a, b) -> a));
    }

    private static void requireStrong(String field, String password) {
        if (!PasswordPolicy.isStrong(password)) {
            throw new RuleViolationException(field, "account.password.weak");
        }
    }
}
