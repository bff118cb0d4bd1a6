package com.countyleague.group;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.account.Role;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Community groups and their members. Staff create and configure groups of the organisations in
 * their reach; a group is run by whoever holds a core role in it (GROUP_LEADER rights for that group
 * only) and by the staff reaching its host. Members browse and ask to join; organisations nominate.
 * Every membership change of a group takes the group's row lock, so its cap holds under any load.
 */
@Service
public class Groups {

    private final CommunityGroupRepository groups;
    private final MembershipRepository memberships;
    private final RoleLimitRepository limits;
    private final RoleHistoryRepository roleHistory;
    private final People people;
    private final Notifications notifications;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final Clock clock;
    private final ObjectProvider<GroupActivities> activities;

    Groups(CommunityGroupRepository groups, MembershipRepository memberships, RoleLimitRepository limits,
           RoleHistoryRepository roleHistory, People people, Notifications notifications, UnitLookup units,
           Actors actors, Reach reach, Clock clock, ObjectProvider<GroupActivities> activities) {
        this.groups = groups;
        this.memberships = memberships;
        this.limits = limits;
        this.roleHistory = roleHistory;
        this.people = people;
        this.notifications = notifications;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.clock = clock;
        this.activities = activities;
    }

    /** A list's filter; {@code under} narrows it to the groups hosted in one unit's subtree (the dashboard's drill-down). */
    public record Search(GroupKind kind, PracticeTheme theme, CommunityGroup.Status status, String text, Long under) {
    }

    /** A group as lists show it: its host, how many are in, and whether it is full. */
    public record GroupRow(CommunityGroup group, String hostName, long activeMembers, boolean full) {
    }

    /** A member of a group with their card, what they hold, and whether they have been away too long. */
    public record MemberRow(Membership membership, PersonCard person, boolean inactive) {
    }

    /** The page that runs a group: a page of its members, its requests, waiting list and inactive members, its core team against its limits. */
    public record GroupPage(CommunityGroup group, String hostName, Page<MemberRow> active, List<MemberRow> pending,
                            List<MemberRow> waiting, List<MemberRow> inactive, Map<GroupRole, Long> roleCounts,
                            Map<GroupRole, Integer> roleLimits, boolean staff, boolean showMobiles) {
    }

    /** A group as a member browsing on their phone sees it, with their own place in it. */
    public record BrowseRow(CommunityGroup group, String hostName, long activeMembers, boolean full, Membership mine) {
    }

    /** 伙伴式成长: one person's path in one group. */
    public record GrowthRecord(CommunityGroup group, PersonCard person, List<Membership> memberships,
                               List<RoleHistory> roles, List<GroupActivities.Attended> activities) {
    }

    // --- configuring groups (staff) ---

    @Transactional(readOnly = true)
    public Page<GroupRow> search(Search search, Pageable pageable) {
        Actor actor = requireStaff();
        boolean all = actor.isCountyAdmin() && search.under() == null;
        List<Long> hosts;
        if (search.under() != null) {
            reach.requireOrganization(search.under());
            hosts = units.subtreeIds(units.organization(search.under()).orElseThrow().getPath());
        } else {
            hosts = all ? List.of(-1L) : units.subtreeIds(actor.scopePrefix());
        }
        String text = search.text() == null || search.text().isBlank() ? null : "%" + search.text().trim().toLowerCase(Locale.ROOT) + "%";
        Page<CommunityGroup> page = groups.search(all, hosts, search.kind(), search.theme(), search.status(), text, pageable);
        Map<Long, Long> counts = activeCounts(page.map(CommunityGroup::getId).getContent());
        Map<Long, Organization> hostUnits = units.organizations(page.map(CommunityGroup::getHostOrgId).getContent());
        return page.map(g -> new GroupRow(g, nameOf(hostUnits.get(g.getHostOrgId())), counts.getOrDefault(g.getId(), 0L),
                !g.hasRoomFor(counts.getOrDefault(g.getId(), 0L))));
    }

    @Transactional
    public long create(CommunityGroup.Details details) {
        requireStaff();
        requireHostInReach(details.hostOrgId());
        return groups.save(new CommunityGroup(validated(details), clock.instant())).getId();
    }

    /** Settings of a group: staff reaching its host only (a core team runs the members, not the settings). */
    @Transactional
    public void update(long id, CommunityGroup.Details details) {
        requireStaff();
        CommunityGroup group = groups.lock(id).orElseThrow(() -> new NotFoundException("group", id));
        requireHostInReach(group.getHostOrgId());
        requireHostInReach(details.hostOrgId());
        group.apply(validated(details));
        promoteWaiting(group);
    }

    @Transactional(readOnly = true)
    public CommunityGroup settings(long id) {
        requireStaff();
        CommunityGroup group = groups.findById(id).orElseThrow(() -> new NotFoundException("group", id));
        requireHostInReach(group.getHostOrgId());
        return group;
    }

    /** Core role limits per kind of group, for the county admin. */
    @Transactional(readOnly = true)
    public List<RoleLimit> roleLimits() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return limits.findAllByOrderByKeyKindAscKeyRoleAsc();
    }

    @Transactional
    public void setRoleLimit(GroupKind kind, GroupRole role, Integer maxHolders) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        if (maxHolders != null && (maxHolders < 0 || maxHolders > 1000)) {
            throw RuleViolationException.of("group.limit.invalid");
        }
        limits.findById(new RoleLimit.Key(kind, role)).orElseThrow().setMaxHolders(maxHolders);
    }

    // --- running a group (its core team, or staff reaching its host) ---

    @Transactional(readOnly = true)
    public GroupPage page(long id, Pageable members) {
        Actor actor = actors.current();
        CommunityGroup group = groups.findById(id).orElseThrow(() -> new NotFoundException("group", id));
        boolean staff = reach.organization(group.getHostOrgId());
        boolean coreTeam = holdsCoreRole(actor, group);
        requireManager(actor, group, staff || coreTeam);
        Instant now = clock.instant();
        Page<Membership> active = memberships.active(id, members);
        List<Membership> pending = memberships.findByGroupIdAndStatusOrderByRequestedAtAsc(id, Membership.Status.PENDING);
        List<Membership> waiting = memberships.waitingList(id);
        List<Membership> inactive = memberships.inactiveSince(id, now.minus(Duration.ofDays(group.getInactivityDays())));
        Set<Long> personIds = new HashSet<>();
        active.forEach(m -> personIds.add(m.getPersonId()));
        pending.forEach(m -> personIds.add(m.getPersonId()));
        waiting.forEach(m -> personIds.add(m.getPersonId()));
        inactive.forEach(m -> personIds.add(m.getPersonId()));
        // the core team knows its members by name; staff of the host see in full only the people of their reach
        Map<Long, PersonCard> cards = people.cards(personIds, coreTeam ? personIds : Set.of());
        Map<GroupRole, Long> roleCounts = new HashMap<>();
        memberships.countRoles(id).forEach(row -> roleCounts.put((GroupRole) row[0], (Long) row[1]));
        Map<GroupRole, Integer> roleLimits = new HashMap<>();
        limits.findAll().stream().filter(l -> l.getKind() == group.getKind() && !Objects.equals(l.getMaxHolders(), 0))
                .forEach(l -> roleLimits.put(l.getRole(), l.getMaxHolders()));
        return new GroupPage(group, hostName(group),
                active.map(m -> new MemberRow(m, cards.get(m.getPersonId()), m.isInactiveAt(now, group.getInactivityDays()))),
                rows(pending, cards), rows(waiting, cards),
                inactive.stream().map(m -> new MemberRow(m, cards.get(m.getPersonId()), true)).toList(),
                roleCounts, roleLimits, staff, staff);
    }

    @Transactional
    public void accept(long membershipId) {
        Membership membership = managed(membershipId);
        CommunityGroup group = groups.lock(membership.getGroupId()).orElseThrow();
        membership.accept(group.hasRoomFor(memberships.countByGroupIdAndStatus(group.getId(), Membership.Status.ACTIVE)),
                actors.current().username(), clock.instant());
        tellAboutPlace(group, membership);
    }

    @Transactional
    public void reject(long membershipId) {
        Membership membership = managed(membershipId);
        CommunityGroup group = groups.lock(membership.getGroupId()).orElseThrow();
        membership.reject(actors.current().username(), clock.instant());
        notifications.tell(membership.getPersonId(), "group.notice.rejected", "/me/groups/" + group.getId(), group.getName());
    }

    /**
     * Removes members after a leader has reviewed them (as inactive, or otherwise): all chosen or none,
     * each told in the app, and the waiting list moves up.
     */
    @Transactional
    public int remove(long groupId, Collection<Long> membershipIds) {
        Actor actor = actors.current();
        CommunityGroup group = groups.lock(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
        requireManager(actor, group);
        List<Membership> chosen = memberships.findAllById(membershipIds.stream().distinct().toList());
        for (Membership membership : chosen) {
            if (!membership.getGroupId().equals(groupId)) {
                throw new AccessDeniedException("Membership " + membership.getId() + " is not in group " + groupId);
            }
            endRole(membership, actor.username());
            membership.end(Membership.Status.REMOVED, actor.username(), clock.instant());
            notifications.tell(membership.getPersonId(), "group.notice.removed", "/me/groups/" + groupId, group.getName());
        }
        promoteWaiting(group);
        return chosen.size();
    }

    /** Gives an active member a core role, within the kind's limit ("1+2+3+N"). */
    @Transactional
    public void appoint(long membershipId, GroupRole role) {
        Membership membership = managed(membershipId);
        CommunityGroup group = groups.lock(membership.getGroupId()).orElseThrow();
        if (role == membership.getRole()) {
            return;
        }
        requireQualified(role, membership.getPersonId());
        RoleLimit limit = limits.findById(new RoleLimit.Key(group.getKind(), role)).orElseThrow();
        long holders = memberships.countByGroupIdAndStatusAndRole(group.getId(), Membership.Status.ACTIVE, role);
        if (!limit.allowsOneMore(holders)) {
            throw RuleViolationException.of(limit.getMaxHolders() == 0 ? "group.role.not-for-kind" : "group.role.limit",
                    limit.getMaxHolders() == null ? 0 : limit.getMaxHolders());
        }
        String by = actors.current().username();
        endRole(membership, by);
        membership.appoint(role);
        roleHistory.save(new RoleHistory(group.getId(), membership.getPersonId(), role, by, clock.instant()));
        notifications.tell(membership.getPersonId(), "group.notice.appointed", "/me/groups/" + group.getId(), group.getName());
    }

    /** Gives a member of a 青春业委会 their seat on it; a branch committee seat is for League cadres. */
    @Transactional
    public void seat(long membershipId, CommitteeSeat seat) {
        Membership membership = managed(membershipId);
        CommunityGroup group = groups.lock(membership.getGroupId()).orElseThrow();
        if (group.getKind() != GroupKind.YOUTH_COMMITTEE) {
            throw new RuleViolationException("seat", "group.seat.committee-only");
        }
        if (seat != null && seat.needsLeaguePost() && !people.standing(membership.getPersonId()).leaguePost()) {
            throw new RuleViolationException("seat", "group.seat.needs-league-post");
        }
        membership.seat(seat);
    }

    @Transactional
    public void dismiss(long membershipId) {
        Membership membership = managed(membershipId);
        groups.lock(membership.getGroupId()).orElseThrow();
        endRole(membership, actors.current().username());
        membership.appoint(null);
    }

    // --- members ---

    /** Open groups for a member to browse, with their own place in each. */
    @Transactional(readOnly = true)
    public List<BrowseRow> browse(GroupKind kind, PracticeTheme theme) {
        Actor actor = actors.current();
        List<CommunityGroup> open = groups.search(true, List.of(-1L), kind, theme, CommunityGroup.Status.ACTIVE, null,
                Pageable.ofSize(500)).getContent();
        Map<Long, Long> counts = activeCounts(open.stream().map(CommunityGroup::getId).toList());
        Map<Long, Membership> mine = new HashMap<>();
        if (actor.personId() != null) {
            memberships.findByPersonIdOrderByRequestedAtDesc(actor.personId()).stream().filter(Membership::isCurrent)
                    .forEach(m -> mine.putIfAbsent(m.getGroupId(), m));
        }
        Map<Long, Organization> hosts = units.organizations(open.stream().map(CommunityGroup::getHostOrgId).collect(Collectors.toSet()));
        return open.stream().map(g -> new BrowseRow(g, nameOf(hosts.get(g.getHostOrgId())), counts.getOrDefault(g.getId(), 0L),
                !g.hasRoomFor(counts.getOrDefault(g.getId(), 0L)), mine.get(g.getId()))).toList();
    }

    @Transactional(readOnly = true)
    public BrowseRow card(long groupId) {
        Actor actor = actors.current();
        CommunityGroup group = groups.findById(groupId).filter(CommunityGroup::isOpen).orElseThrow(() -> new NotFoundException("group", groupId));
        long count = memberships.countByGroupIdAndStatus(groupId, Membership.Status.ACTIVE);
        Membership mine = actor.personId() == null ? null : memberships.findCurrent(groupId, actor.personId()).orElse(null);
        return new BrowseRow(group, hostName(group), count, !group.hasRoomFor(count), mine);
    }

    /** A member asks to join; a leader decides. */
    @Transactional
    public long apply(long groupId) {
        long personId = actors.current().requirePerson();
        CommunityGroup group = groups.lock(groupId).filter(CommunityGroup::isOpen).orElseThrow(() -> new NotFoundException("group", groupId));
        return request(group, personId, Membership.Source.APPLIED).getId();
    }

    /** An organisation names a person of its reach for a group (举荐); a leader decides. */
    @Transactional
    public long nominate(long groupId, long personId) {
        requireStaff();
        reach.require(Reach.Target.PERSON, personId);
        CommunityGroup group = groups.lock(groupId).filter(CommunityGroup::isOpen).orElseThrow(() -> new NotFoundException("group", groupId));
        return request(group, personId, Membership.Source.NOMINATED).getId();
    }

    /** A recruited person joins at once (their application was approved by this group's leader): active, or waiting when full. */
    @Transactional
    public Membership enrol(long groupId, long personId) {
        Actor actor = actors.current();
        CommunityGroup group = groups.lock(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
        requireManager(actor, group);
        Optional<Membership> current = memberships.findCurrent(groupId, personId);
        if (current.isPresent() && current.get().getStatus() != Membership.Status.PENDING) {
            return current.get();
        }
        Membership membership = current.orElseGet(() -> memberships.save(new Membership(groupId, personId, Membership.Source.RECRUITED, clock.instant())));
        membership.accept(group.hasRoomFor(memberships.countByGroupIdAndStatus(groupId, Membership.Status.ACTIVE)),
                actor.username(), clock.instant());
        tellAboutPlace(group, membership);
        return membership;
    }

    /** A member leaves, or withdraws a request; a role ends with it and the waiting list moves up. */
    @Transactional
    public void leave(long groupId) {
        Actor actor = actors.current();
        CommunityGroup group = groups.lock(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
        Membership membership = actor.personId() == null ? null : memberships.findCurrent(groupId, actor.personId()).orElse(null);
        if (membership == null) {
            throw RuleViolationException.of("group.membership.not-current");
        }
        endRole(membership, actor.username());
        membership.end(Membership.Status.LEFT, actor.username(), clock.instant());
        promoteWaiting(group);
    }

    /** The groups a person is or was in, newest first, for their own page. */
    @Transactional(readOnly = true)
    public List<BrowseRow> mine() {
        Actor actor = actors.current();
        if (actor.personId() == null) {
            return List.of();
        }
        List<Membership> own = memberships.findByPersonIdOrderByRequestedAtDesc(actor.personId());
        Map<Long, CommunityGroup> byId = groups.findByIdIn(own.stream().map(Membership::getGroupId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(CommunityGroup::getId, g -> g));
        Map<Long, Long> counts = activeCounts(byId.keySet());
        Map<Long, Organization> hosts = units.organizations(byId.values().stream().map(CommunityGroup::getHostOrgId).collect(Collectors.toSet()));
        Set<Long> shown = new HashSet<>();
        List<BrowseRow> rows = new ArrayList<>();
        for (Membership m : own) {
            CommunityGroup g = byId.get(m.getGroupId());
            if (shown.add(g.getId())) {
                rows.add(new BrowseRow(g, nameOf(hosts.get(g.getHostOrgId())), counts.getOrDefault(g.getId(), 0L),
                        !g.hasRoomFor(counts.getOrDefault(g.getId(), 0L)), m));
            }
        }
        return rows;
    }

    /** The groups the caller runs, for their navigation. */
    @Transactional(readOnly = true)
    public List<CommunityGroup> run() {
        Actor actor = actors.current();
        return actor.personId() == null ? List.of() : groups.findByIdIn(memberships.groupsRunBy(actor.personId()));
    }

    /** 伙伴式成长: the person themself, or whoever runs the group. */
    @Transactional(readOnly = true)
    public GrowthRecord growth(long groupId, long personId) {
        Actor actor = actors.current();
        CommunityGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
        if (!Objects.equals(actor.personId(), personId)) {
            requireManager(actor, group);
        }
        List<Membership> path = memberships.findByGroupIdAndPersonIdOrderByRequestedAtAsc(groupId, personId);
        if (path.isEmpty()) {
            throw new NotFoundException("membership", groupId + "/" + personId);
        }
        return new GrowthRecord(group, people.cards(List.of(personId)).get(personId), path,
                roleHistory.findByGroupIdAndPersonIdOrderByAppointedAtAsc(groupId, personId),
                activities.stream().flatMap(a -> a.attendedBy(groupId, personId).stream()).toList());
    }

    /** Whether the person is an active member of the group now (who may take part in its activities). */
    @Transactional(readOnly = true)
    public boolean isActiveMember(long groupId, long personId) {
        return memberships.findCurrent(groupId, personId).map(m -> m.getStatus() == Membership.Status.ACTIVE).orElse(false);
    }

    /** The active members of a group, oldest first: a team to put on a roster. Callers check that they run the group. */
    @Transactional(readOnly = true)
    public List<Long> activeMembers(long groupId) {
        return memberships.activeIds(groupId);
    }

    /** The groups a person is an active member of now (whose activities they may join). */
    @Transactional(readOnly = true)
    public List<Long> activeGroupsOf(long personId) {
        return memberships.findByPersonIdOrderByRequestedAtDesc(personId).stream()
                .filter(m -> m.getStatus() == Membership.Status.ACTIVE).map(Membership::getGroupId).toList();
    }

    /** A member took part in one of the group's activities: what keeps them from the inactivity review. */
    @Transactional
    public void noteAttendance(long groupId, long personId, Instant at) {
        memberships.findCurrent(groupId, personId).ifPresent(m -> m.noteAttendance(at));
    }

    /** Whether the caller runs this group (for pages that offer its management). */
    @Transactional(readOnly = true)
    public boolean runs(long groupId) {
        Actor actor = actors.current();
        CommunityGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
        return reach.organization(group.getHostOrgId()) || holdsCoreRole(actor, group);
    }

    /** Whether the caller holds a core role in this group: its team knows its people by name. */
    @Transactional(readOnly = true)
    public boolean leads(long groupId) {
        CommunityGroup group = groups.findById(groupId).orElseThrow(() -> new NotFoundException("group", groupId));
        return holdsCoreRole(actors.current(), group);
    }

    /** The latest membership of each of these people in a group, for a campaign's funnel. */
    @Transactional(readOnly = true)
    public Map<Long, Membership> latestMemberships(long groupId, Collection<Long> personIds) {
        Map<Long, Membership> latest = new HashMap<>();
        if (!personIds.isEmpty()) {
            memberships.findByGroupIdAndPersonIdIn(groupId, personIds).forEach(m -> latest.merge(m.getPersonId(), m,
                    (a, b) -> a.getRequestedAt().isAfter(b.getRequestedAt()) ? a : b));
        }
        return latest;
    }

    /** A council as its monthly compliance needs it. */
    public record CouncilRef(long id, String name, GroupKind kind, long hostOrgId, Instant createdAt) {
    }

    /** The active councils hosted in a subtree, for their monthly compliance; callers check the reach of the subtree. */
    @Transactional(readOnly = true)
    public List<CouncilRef> councilsWithin(String pathPrefix) {
        return groups.councilsWithin(pathPrefix).stream().map(c -> new CouncilRef(c.getId(), c.getName(), GroupKind.valueOf(c.getKind()),
                c.getHostOrgId(), c.getCreatedAt())).toList();
    }

    /** The active members of a group with their roles and seats, oldest first: a council's make-up. Callers check that they may see it. */
    @Transactional(readOnly = true)
    public List<Membership> activeMemberships(long groupId) {
        return memberships.active(groupId, Pageable.ofSize(1000)).getContent();
    }

    /** A group's name and host, for other modules' pages. */
    @Transactional(readOnly = true)
    public Map<Long, CommunityGroup> byIds(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : groups.findByIdIn(ids).stream().collect(Collectors.toMap(CommunityGroup::getId, g -> g));
    }

    /** The active groups whose host lies in the caller's reach, for choices such as a campaign's targets. */
    @Transactional(readOnly = true)
    public List<CommunityGroup> inReach() {
        Actor actor = requireStaff();
        List<Long> hosts = actor.isCountyAdmin() ? List.of(-1L) : units.subtreeIds(actor.scopePrefix());
        return groups.search(actor.isCountyAdmin(), hosts, null, null, CommunityGroup.Status.ACTIVE, null, Pageable.ofSize(1000)).getContent();
    }

    // --- rules of reach ---

    private Membership request(CommunityGroup group, long personId, Membership.Source source) {
        if (memberships.findCurrent(group.getId(), personId).isPresent()) {
            throw RuleViolationException.of("group.membership.exists");
        }
        return memberships.save(new Membership(group.getId(), personId, source, clock.instant()));
    }

    private void tellAboutPlace(CommunityGroup group, Membership membership) {
        notifications.tell(membership.getPersonId(), membership.getStatus() == Membership.Status.ACTIVE
                ? "group.notice.accepted" : "group.notice.waiting", "/me/groups/" + group.getId(), group.getName());
    }

    private void promoteWaiting(CommunityGroup group) {
        long active = memberships.countByGroupIdAndStatus(group.getId(), Membership.Status.ACTIVE);
        for (Membership waiting : memberships.waitingList(group.getId())) {
            if (!group.hasRoomFor(active)) {
                return;
            }
            waiting.promote(clock.instant());
            active++;
            notifications.tell(waiting.getPersonId(), "group.notice.promoted", "/me/groups/" + group.getId(), group.getName());
        }
    }

    private void endRole(Membership membership, String by) {
        if (membership.getRole() != null) {
            roleHistory.findFirstByGroupIdAndPersonIdAndEndedAtIsNullOrderByAppointedAtDesc(membership.getGroupId(), membership.getPersonId())
                    .ifPresent(h -> h.end(by, clock.instant()));
        }
    }

    private Membership managed(long membershipId) {
        Actor actor = actors.current();
        Membership membership = memberships.findById(membershipId).orElseThrow(() -> new NotFoundException("membership", membershipId));
        CommunityGroup group = groups.findById(membership.getGroupId()).orElseThrow();
        requireManager(actor, group);
        return membership;
    }

    private void requireManager(Actor actor, CommunityGroup group) {
        requireManager(actor, group, reach.organization(group.getHostOrgId()) || holdsCoreRole(actor, group));
    }

    private static void requireManager(Actor actor, CommunityGroup group, boolean manages) {
        if (!manages) {
            throw new AccessDeniedException("Group " + group.getId() + " is not run by " + actor.username());
        }
    }

    private boolean holdsCoreRole(Actor actor, CommunityGroup group) {
        return actor.personId() != null && memberships.findCurrent(group.getId(), actor.personId())
                .map(m -> m.getStatus() == Membership.Status.ACTIVE && m.getRole() != null).orElse(false);
    }

    /** A council's guide is a Party member, its cadre holds a League post: as the ledger says today. */
    private void requireQualified(GroupRole role, long personId) {
        if (role == GroupRole.GUIDE && !people.standing(personId).partyMember()) {
            throw new RuleViolationException("role", "group.role.guide-party-member");
        }
        if (role == GroupRole.CADRE && !people.standing(personId).leaguePost()) {
            throw new RuleViolationException("role", "group.role.cadre-league-post");
        }
    }

    private Actor requireStaff() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }

    private void requireHostInReach(long hostOrgId) {
        if (units.organization(hostOrgId).isEmpty()) {
            throw new RuleViolationException("hostOrgId", "group.host.required");
        }
        reach.requireOrganization(hostOrgId);
    }

    private static CommunityGroup.Details validated(CommunityGroup.Details d) {
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw new RuleViolationException("name", "group.name.invalid", 100);
        }
        String description = d.description() == null || d.description().isBlank() ? null : d.description().trim();
        if (description != null && description.length() > 2000) {
            throw new RuleViolationException("description", "group.description.too-long", 2000);
        }
        if (d.inactivityDays() < 7 || d.inactivityDays() > 730) {
            throw new RuleViolationException("inactivityDays", "group.inactivity.range", 7, 730);
        }
        return new CommunityGroup.Details(d.kind(), d.theme(), name, d.hostOrgId(), description, d.capacity(),
                d.inactivityDays(), d.status() == null ? CommunityGroup.Status.ACTIVE : d.status());
    }

    private String hostName(CommunityGroup group) {
        return units.organization(group.getHostOrgId()).map(Organization::getName).orElse(null);
    }

    private Map<Long, Long> activeCounts(Collection<Long> groupIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!groupIds.isEmpty()) {
            memberships.countActive(groupIds).forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        }
        return counts;
    }

    private static List<MemberRow> rows(List<Membership> list, Map<Long, PersonCard> cards) {
        return list.stream().map(m -> new MemberRow(m, cards.get(m.getPersonId()), false)).toList();
    }

    private static String nameOf(Organization unit) {
        return unit == null ? null : unit.getName();
    }
}
