package com.countyleague.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.group.Membership;
import com.countyleague.member.IdNumber;
import com.countyleague.member.IdentityNumbers;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.member.Person;
import com.countyleague.member.PersonDraft;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recruitment: staff reaching a campaign's host set it up and follow its funnel; anyone applies on
 * its public page while it is open, once per campaign; organisations nominate people of their
 * reach; whoever runs a target group reviews its applications. An approved applicant is matched
 * with their record in the ledgers by identity number, or recorded in the youth ledger of the
 * campaign's intake branch, and joins the group (or its waiting list).
 */
@Service
public class Recruitment {

    /** How long after joining a recruit counts as having stayed. */
    public static final Duration STAYED = Duration.ofDays(90);

    private final CampaignRepository campaigns;
    private final ApplicationRepository applications;
    private final Groups groups;
    private final People people;
    private final IdentityNumbers identityNumbers;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final Clock clock;

    Recruitment(CampaignRepository campaigns, ApplicationRepository applications, Groups groups, People people,
                IdentityNumbers identityNumbers, UnitLookup units, Actors actors, Reach reach, Clock clock) {
        this.campaigns = campaigns;
        this.applications = applications;
        this.groups = groups;
        this.people = people;
        this.identityNumbers = identityNumbers;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.clock = clock;
    }

    /** One channel's funnel: applied, approved, joined the group, still in it 90 days after joining. */
    public record FunnelRow(Channel channel, long applied, long approved, long joined, long stayed) {
    }

    public record ApplicationRow(Application application, String groupName, String campaignTitle) {
    }

    public record CampaignPage(Campaign campaign, String hostName, String intakeName, Map<Long, CommunityGroup> groups,
                               List<ApplicationRow> applications, List<FunnelRow> funnel) {
    }

    // --- campaigns (staff reaching the host) ---

    @Transactional(readOnly = true)
    public List<Campaign> campaigns() {
        Actor actor = requireStaff();
        return actor.isCountyAdmin() ? campaigns.findAllByOrderByOpensOnDesc()
                : campaigns.findByHostOrgIdInOrderByOpensOnDesc(units.subtreeIds(actor.scopePrefix()));
    }

    @Transactional(readOnly = true)
    public Campaign campaign(long id) {
        Actor actor = requireStaff();
        Campaign campaign = campaigns.findWithDetailsById(id).orElseThrow(() -> new NotFoundException("campaign", id));
        reach.requireOrganization(campaign.getHostOrgId());
        return campaign;
    }

    @Transactional
    public long create(Campaign.Details details) {
        Actor actor = requireStaff();
        Campaign.Details checked = checked(actor, details);
        if (campaigns.existsByCode(checked.code())) {
            throw new RuleViolationException("code", "campaign.code.taken");
        }
        return campaigns.save(new Campaign(checked, clock.instant())).getId();
    }

    @Transactional
    public void update(long id, Campaign.Details details) {
        Actor actor = requireStaff();
        Campaign campaign = campaign(id);
        Campaign.Details checked = checked(actor, details);
        if (!campaign.getCode().equals(checked.code()) && campaigns.existsByCode(checked.code())) {
            throw new RuleViolationException("code", "campaign.code.taken");
        }
        campaign.apply(checked);
    }

    @Transactional(readOnly = true)
    public CampaignPage page(long id) {
        Campaign campaign = campaign(id);
        List<Application> all = applications.findByCampaignIdOrderBySubmittedAtDesc(id);
        Map<Long, CommunityGroup> targetGroups = groups.byIds(campaign.getTargets().stream().map(Campaign.Target::groupId).toList());
        List<ApplicationRow> rows = all.stream().map(a -> new ApplicationRow(a, nameOf(targetGroups.get(a.getGroupId())),
                campaign.getTitle())).toList();
        return new CampaignPage(campaign, unitName(campaign.getHostOrgId()), unitName(campaign.getIntakeBranchId()),
                targetGroups, rows, funnel(all));
    }

    /** The funnel per channel, from the applications and the memberships they led to. */
    List<FunnelRow> funnel(List<Application> all) {
        Instant stayedBefore = clock.instant().minus(STAYED);
        Map<Long, Map<Long, Membership>> memberships = new HashMap<>();
        all.stream().filter(a -> a.getPersonId() != null).collect(Collectors.groupingBy(Application::getGroupId))
                .forEach((group, list) -> memberships.put(group, groups.latestMemberships(group,
                        list.stream().map(Application::getPersonId).toList())));
        Map<Channel, long[]> counts = new EnumMap<>(Channel.class);
        for (Application a : all) {
            long[] c = counts.computeIfAbsent(a.getChannel(), k -> new long[4]);
            c[0]++;
            if (a.getStatus() == Application.Status.APPROVED) {
                c[1]++;
                Membership m = memberships.getOrDefault(a.getGroupId(), Map.of()).get(a.getPersonId());
                if (m != null && m.getJoinedAt() != null) {
                    c[2]++;
                    if (m.getStatus() == Membership.Status.ACTIVE && !m.getJoinedAt().isAfter(stayedBefore)) {
                        c[3]++;
                    }
                }
            }
        }
        List<FunnelRow> rows = new ArrayList<>();
        counts.forEach((channel, c) -> rows.add(new FunnelRow(channel, c[0], c[1], c[2], c[3])));
        return rows;
    }

    // --- applying (the public) ---

    /** A campaign as its public page shows it; only a published one. */
    @Transactional(readOnly = true)
    public Campaign published(String code) {
        return campaigns.findByCode(code).filter(Campaign::isPublished).orElseThrow(() -> new NotFoundException("campaign", code));
    }

    @Transactional(readOnly = true)
    public Map<Long, CommunityGroup> targetGroups(Campaign campaign) {
        return groups.byIds(campaign.getTargets().stream().map(Campaign.Target::groupId).toList());
    }

    @Transactional
    public long apply(String code, Application.Form form) {
        Campaign campaign = published(code);
        if (!campaign.isOpenOn(LocalDate.now(clock))) {
            throw RuleViolationException.of("application.closed");
        }
        if (!form.channel().isPublic() || campaign.channel(form.channel()).isEmpty()) {
            throw new RuleViolationException("channel", "application.channel.unknown");
        }
        return submit(campaign, form, null);
    }

    /** 举荐: staff name a person of their reach for one of the campaign's groups, by identity number. */
    @Transactional
    public long nominate(long campaignId, Application.Form form) {
        Actor actor = requireStaff();
        Campaign campaign = campaigns.findWithDetailsById(campaignId).orElseThrow(() -> new NotFoundException("campaign", campaignId));
        if (campaign.channel(Channel.ORG_NOMINATION).isEmpty()) {
            throw RuleViolationException.of("application.nomination.closed");
        }
        if (people.findByIdNumber(form.idNumber()).isEmpty()) {
            throw new RuleViolationException("idNumber", "application.nomination.unknown-person");
        }
        Application.Form nomination = new Application.Form(form.groupId(), Channel.ORG_NOMINATION, unitName(actor.organizationId()),
                form.name(), form.idNumber(), form.mobile(), form.workplace(), form.skills(), form.motivation());
        return submit(campaign, nomination, actor.organizationId());
    }

    private long submit(Campaign campaign, Application.Form form, Long nominatedBy) {
        if (!campaign.recruitsFor(form.groupId())) {
            throw new RuleViolationException("groupId", "application.group.unknown");
        }
        String name = Person.normalizeName(form.name());
        if (name == null || !Person.isPlausibleName(name)) {
            throw new RuleViolationException("name", "member.name.format");
        }
        IdNumber.problem(form.idNumber()).ifPresent(key -> {
            throw new RuleViolationException("idNumber", key);
        });
        IdentityNumbers.Sealed sealed = identityNumbers.seal(form.idNumber());
        if (applications.existsByCampaignIdAndIdNumberHash(campaign.getId(), sealed.hash())) {
            throw new RuleViolationException("idNumber", "application.duplicate");
        }
        Application.Form clean = new Application.Form(form.groupId(), form.channel(), blankToNull(form.partner()), name,
                form.idNumber(), blankToNull(form.mobile()), blankToNull(form.workplace()), blankToNull(form.skills()),
                blankToNull(form.motivation()));
        return applications.save(new Application(campaign.getId(), clean, sealed.cipher(), sealed.hash(), sealed.masked(),
                nominatedBy, clock.instant())).getId();
    }

    // --- reviewing (whoever runs the target group) ---

    /** Applications waiting for a decision in a group the caller runs. */
    @Transactional(readOnly = true)
    public List<ApplicationRow> waitingFor(long groupId) {
        if (!groups.runs(groupId)) {
            throw new AccessDeniedException("Group " + groupId + " is not run by the caller");
        }
        List<Application> waiting = applications.findByGroupIdAndStatusOrderBySubmittedAtAsc(groupId, Application.Status.SUBMITTED);
        Map<Long, String> titles = campaigns.findAllById(waiting.stream().map(Application::getCampaignId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Campaign::getId, Campaign::getTitle));
        String group = nameOf(groups.byIds(List.of(groupId)).get(groupId));
        return waiting.stream().map(a -> new ApplicationRow(a, group, titles.get(a.getCampaignId()))).toList();
    }

    /** What an approval came to. */
    public enum Decision { APPROVED, HELD_FOR_REVIEW }

    /**
     * Approves an application: the applicant is recorded in the youth ledger of the intake branch and
     * joins the group (or its waiting list). When the ledger already holds their identity number, they
     * are that person only if the name agrees and the approver reaches them; otherwise nothing is
     * merged, nobody is told anything, and the application waits for the staff who reach that person.
     */
    @Transactional
    public Decision approve(long applicationId) {
        Actor actor = actors.current();
        Application application = reviewable(applicationId);
        Campaign campaign = campaigns.findWithDetailsById(application.getCampaignId()).orElseThrow();
        String idNumber = identityNumbers.open(application.getIdNumberCipher());
        Optional<Long> holder = identityNumbers.personWith(identityNumbers.hashOf(idNumber));
        if (holder.isPresent()) {
            Application.ReviewReason doubt = !identityNumbers.isNamed(holder.get(), application.getName())
                    ? Application.ReviewReason.NAME_MISMATCH
                    : !reach.reaches(Reach.Target.PERSON, holder.get()) ? Application.ReviewReason.OUTSIDE_REACH : null;
            if (doubt != null) {
                application.holdForReview(holder.get(), doubt, actor.username(), clock.instant());
                return Decision.HELD_FOR_REVIEW;
            }
        }
        long personId = holder.orElseGet(() -> actors.asSystem(() -> people.create(newcomer(application, idNumber, campaign))));
        application.approve(personId, actor.username(), clock.instant());
        groups.enrol(application.getGroupId(), personId);
        return Decision.APPROVED;
    }

    /** An application waiting for the staff who reach the person its identity number belongs to. */
    public record ReviewRow(Application application, String campaignTitle, String groupName, PersonCard holder) {
    }

    /** Applications held for review whose matched person the caller reaches, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewRow> reviews() {
        requireStaff();
        List<Application> waiting = applications.findTop200ByStatusOrderBySubmittedAtAsc(Application.Status.NEEDS_REVIEW);
        // the cards say whom the caller reaches: one read for all, not one per application
        Map<Long, PersonCard> holders = people.cards(waiting.stream().map(Application::getMatchedPersonId).collect(Collectors.toSet()));
        List<Application> held = waiting.stream().filter(a -> holders.containsKey(a.getMatchedPersonId())
                && holders.get(a.getMatchedPersonId()).reached()).toList();
        Map<Long, String> titles = campaigns.findAllById(held.stream().map(Application::getCampaignId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Campaign::getId, Campaign::getTitle));
        Map<Long, CommunityGroup> heldGroups = groups.byIds(held.stream().map(Application::getGroupId).collect(Collectors.toSet()));
        return held.stream().map(a -> new ReviewRow(a, titles.get(a.getCampaignId()), nameOf(heldGroups.get(a.getGroupId())),
                holders.get(a.getMatchedPersonId()))).toList();
    }

    /** The person's staff confirm the applicant is them: approved, and they join the group as the approver decided. */
    @Transactional
    public void confirmReview(long applicationId) {
        Application application = underReview(applicationId);
        application.confirm(actors.current().username(), clock.instant());
        // the group's runner approved; the person's staff vouch for who it is: the enrolment is the application's own
        actors.asSystem(() -> groups.enrol(application.getGroupId(), application.getMatchedPersonId()));
    }

    /** The person's staff say the applicant is not them: refused, and the ledger stays as it was. */
    @Transactional
    public void refuseReview(long applicationId, String note) {
        underReview(applicationId).refuse(actors.current().username(), blankToNull(note), clock.instant());
    }

    private Application underReview(long applicationId) {
        requireStaff();
        Application application = applications.lock(applicationId)
                .filter(a -> a.getStatus() == Application.Status.NEEDS_REVIEW)
                .orElseThrow(() -> new NotFoundException("application", applicationId));
        reach.require(Reach.Target.PERSON, application.getMatchedPersonId());
        return application;
    }

    @Transactional
    public void reject(long applicationId, String note) {
        Application application = reviewable(applicationId);
        application.reject(actors.current().username(), blankToNull(note), clock.instant());
    }

    private Application reviewable(long applicationId) {
        Application application = applications.findById(applicationId).orElseThrow(() -> new NotFoundException("application", applicationId));
        if (!groups.runs(application.getGroupId())) {
            throw new AccessDeniedException("Application " + applicationId + " is for a group the caller does not run");
        }
        return application;
    }

    /** A newcomer's record for the youth ledger, from what they gave. */
    private static PersonDraft newcomer(Application a, String idNumber, Campaign campaign) {
        return new PersonDraft(a.getName(), null, null, idNumber, a.getMobile(), Ledger.YOUTH, null,
                campaign.getIntakeBranchId(), null, null, a.getWorkplace(), null, a.getChannel().name(), List.of(),
                a.getSkills(), false, Set.of(), null, null, null, null, null, null, null);
    }

    private Campaign.Details checked(Actor actor, Campaign.Details d) {
        reach.requireOrganization(d.hostOrgId());
        units.organization(d.intakeBranchId()).filter(o -> o.getType().isBranch())
                .orElseThrow(() -> new RuleViolationException("intakeBranchId", "campaign.intake.branch-only"));
        reach.requireOrganization(d.intakeBranchId());
        String code = d.code() == null ? "" : d.code().trim().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z0-9-]{3,40}")) {
            throw new RuleViolationException("code", "campaign.code.pattern");
        }
        Map<Long, CommunityGroup> reachable = groups.inReach().stream().collect(Collectors.toMap(CommunityGroup::getId, g -> g));
        for (Campaign.Target target : d.targets()) {
            if (!reachable.containsKey(target.groupId())) {
                throw new RuleViolationException("targets", "campaign.targets.unknown");
            }
        }
        return new Campaign.Details(code, d.title().trim(), blankToNull(d.description()), d.hostOrgId(), d.intakeBranchId(),
                d.opensOn(), d.closesOn(), d.published(), d.targets(), d.channels());
    }

    private Actor requireStaff() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }

    private String unitName(Long organizationId) {
        return organizationId == null ? null : units.organization(organizationId).map(Organization::getName).orElse(null);
    }

    private static String nameOf(CommunityGroup group) {
        return group == null ? null : group.getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
