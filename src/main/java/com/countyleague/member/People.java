package com.countyleague.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Reach;
import com.countyleague.account.Role;
import com.countyleague.org.Building;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledgers' use cases for one person at a time: list, read, record, change, correct, reveal.
 * County admins reach everyone; org admins and secretaries the people of the units in their reach.
 */
@Service
public class People {

    private final PersonRepository people;
    private final PersonListing listing;
    private final PersonChecks checks;
    private final PersonalData personalData;
    private final PersonHistory history;
    private final Dictionaries dictionaries;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final AuditTrail audit;
    private final Clock clock;

    People(PersonRepository people, PersonListing listing, PersonChecks checks, PersonalData personalData,
           PersonHistory history, Dictionaries dictionaries, UnitLookup units, Actors actors, Reach reach, AuditTrail audit,
           Clock clock) {
        this.people = people;
        this.listing = listing;
        this.checks = checks;
        this.personalData = personalData;
        this.history = history;
        this.dictionaries = dictionaries;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person's page: the record, where they belong, what the caller may do, and their history. */
    public record PersonView(Person person, Organization organization, Compound compound, Building building,
                             int age, boolean mayCorrect, boolean mayReveal, List<PersonEvent> history) {
    }

    @Transactional(readOnly = true)
    public Page<PersonRow> search(PersonSearch search, Pageable pageable) {
        Actor actor = requireLedgerKeeper();
        List<Long> reach = unitsToSearch(actor, search.under());
        LocalDate today = today();
        String hash = idNumberHash(search.text());
        List<PersonListing.Raw> rows = listing.page(search, reach, hash, today, pageable.getOffset(), pageable.getPageSize());
        long total = rows.size() < pageable.getPageSize() && pageable.getOffset() == 0 ? rows.size()
                : listing.count(search, reach, hash, today);
        return new PageImpl<>(named(rows, today), pageable, total);
    }

    /** Every id of a search, in list order, for an export. */
    @Transactional(readOnly = true)
    List<Long> allIds(PersonSearch search) {
        Actor actor = requireLedgerKeeper();
        return listing.ids(search, unitsToSearch(actor, search.under()), idNumberHash(search.text()), today());
    }

    @Transactional(readOnly = true)
    public PersonView view(long id) {
        Actor actor = requireLedgerKeeper();
        Person person = reachable(actor, id);
        Organization organization = units.organization(person.getOrganizationId()).orElseThrow();
        return new PersonView(person, organization,
                person.getCompoundId() == null ? null : units.compound(person.getCompoundId()).orElse(null),
                person.getBuildingId() == null ? null : units.building(person.getBuildingId()).orElse(null),
                person.ageOn(today()), mayCorrect(actor), mayReveal(actor, organization), history.of(person));
    }

    @Transactional(readOnly = true)
    public Person get(long id) {
        return reachable(requireLedgerKeeper(), id);
    }

    /** A person as the caller may see them: their own record, or one within a ledger keeper's reach. */
    @Transactional(readOnly = true)
    public Person visible(long id) {
        Actor actor = actors.current();
        if (actor.personId() != null && actor.personId() == id) {
            return people.findById(id).orElseThrow(() -> new NotFoundException("person", id));
        }
        return reachable(requireLedgerKeeper(), id);
    }

    @Transactional
    public long create(PersonDraft draft) {
        Actor actor = requireLedgerKeeper();
        requireBranchInReach(draft.organizationId());
        List<Problem> problems = checks.check(draft, null, facts());
        if (!problems.isEmpty()) {
            throw new InvalidPersonException(problems);
        }
        Person person = people.save(new Person(draft, seal(IdNumber.of(draft.idNumber())), clock.instant()));
        history.record(person, PersonEvent.Type.CREATED, null, null);
        return person.getId();
    }

    /** Changes everything but the name and identity number (those only by {@link #correctName} and {@link #correctIdNumber}). */
    @Transactional
    public void update(long id, PersonDraft draft) {
        Actor actor = requireLedgerKeeper();
        Person person = reachable(actor, id);
        requireBranchInReach(draft.organizationId());
        PersonDraft kept = draft.withIdentityOf(person);
        List<Problem> problems = checks.check(kept, person, facts());
        if (!problems.isEmpty()) {
            throw new InvalidPersonException(problems);
        }
        if (!person.matches(kept)) {
            person.apply(kept, clock.instant());
            history.record(person, PersonEvent.Type.UPDATED, null, null);
        }
    }

    /**
     * Marks people who hold a post in a group's core team as backbones (骨干), so that the flag and the
     * core teams agree; each within the caller's reach, each change in the person's history.
     */
    @Transactional
    public int markBackbones(Collection<Long> personIds) {
        Actor actor = requireLedgerKeeper();
        int marked = 0;
        for (long id : personIds) {
            Person person = reachable(actor, id);
            if (!person.isBackbone()) {
                person.markBackbone(clock.instant());
                history.record(person, PersonEvent.Type.UPDATED, null, null);
                marked++;
            }
        }
        return marked;
    }

    /** An admin corrects a wrongly recorded name; the old and new names and the reason stay in the history and the audit log. */
    @Transactional
    public void correctName(long id, String newName, String reason) {
        Actor actor = requireCorrector();
        Person person = reachable(actor, id);
        String name = Person.normalizeName(newName);
        List<Problem> problems = new ArrayList<>();
        checks.checkName(name, problems);
        requireReason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPersonException(problems);
        }
        String old = person.getName();
        person.correctName(name, clock.instant());
        history.record(person, PersonEvent.Type.NAME_CORRECTED, old + " → " + name, reason.trim());
        audit.record("CORRECT_NAME", "person:" + id, old + " → " + name + "; " + reason.trim());
    }

    /** An admin corrects a wrongly recorded identity number (birth date and gender follow it). */
    @Transactional
    public void correctIdNumber(long id, String newIdNumber, String reason) {
        Actor actor = requireCorrector();
        Person person = reachable(actor, id);
        List<Problem> problems = new ArrayList<>();
        PersonDraft probe = new PersonDraft(person.getName(), null, null, newIdNumber, null, person.getLedger(), null,
                person.getOrganizationId(), null, null, null, null, null, null, null, false, null, null, null, null, null,
                null, null, null);
        checks.checkIdNumber(probe, person.getId(), facts(), problems);
        requireReason(reason, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPersonException(problems);
        }
        IdNumber number = IdNumber.of(newIdNumber);
        String old = person.getIdNumberMasked();
        person.correctIdNumber(seal(number), number.birthDate(), number.gender(), clock.instant());
        history.record(person, PersonEvent.Type.ID_NUMBER_CORRECTED, old + " → " + number.masked(), reason.trim());
        audit.record("CORRECT_ID_NUMBER", "person:" + id, old + " → " + number.masked() + "; " + reason.trim());
    }

    /** The full identity number, for the county admin or the person's own secretary; always audited. */
    @Transactional
    public String reveal(long id) {
        Actor actor = requireLedgerKeeper();
        Person person = reachable(actor, id);
        Organization organization = units.organization(person.getOrganizationId()).orElseThrow();
        if (!mayReveal(actor, organization)) {
            throw new AccessDeniedException("May not reveal the identity number of person " + id);
        }
        audit.record("REVEAL_ID_NUMBER", "person:" + id, person.getName() + " " + person.getIdNumberMasked());
        return personalData.decrypt(person.getIdNumberCipher());
    }

    /** The people of one building, both ledgers, for its group leader (团小组长) or anyone reaching its branch. */
    @Transactional(readOnly = true)
    public BuildingPeople building(long buildingId) {
        Actor actor = actors.current();
        Building building = units.building(buildingId).orElseThrow(() -> new NotFoundException("building", buildingId));
        Compound compound = units.compound(building.getCompoundId()).orElseThrow();
        Organization branch = units.organization(compound.getBranchId()).orElseThrow();
        boolean ownGroup = actor.is(Role.GROUP_LEADER) && building.getGroupId().equals(actor.organizationId());
        boolean keeper = actor.isStaff() && actor.covers(branch.getPath());
        if (!ownGroup && !keeper) {
            throw new AccessDeniedException("Building " + buildingId + " is not in the reach of " + actor.username());
        }
        return new BuildingPeople(branch, compound, building, people.findActiveInBuilding(buildingId), today());
    }

    /**
     * A person as other modules' pages show them (a group's members, an activity's attendance): name,
     * age, branch and mobile, full and masked. Who is outside the viewer's reach comes masked already
     * ({@code reached} false): staff may not act for them by hand either.
     */
    public record PersonCard(long id, String name, Gender gender, int age, String mobile, String maskedMobile,
                             String organizationName, long organizationId, boolean active, boolean reached) {
    }

    /** Cards of these people as the caller may see them: see {@link #cards(Collection, Collection)}. */
    @Transactional(readOnly = true)
    public Map<Long, PersonCard> cards(Collection<Long> personIds) {
        return cards(personIds, Set.of());
    }

    /**
     * Cards of these people as the caller may see them. A person within the caller's reach, or the
     * caller themself, in full; anyone else with the mobile masked and the name masked too, unless the
     * calling module vouches that the caller knows them by name ({@code knownByName}: a group's members
     * to those who run it, a team to its members).
     */
    @Transactional(readOnly = true)
    public Map<Long, PersonCard> cards(Collection<Long> personIds, Collection<Long> knownByName) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        List<Person> persons = people.findAllByIds(personIds);
        Map<Long, Organization> orgs = units.organizations(persons.stream().map(Person::getOrganizationId).collect(Collectors.toSet()));
        Long self = Optional.ofNullable(actors.currentOrNull()).map(Actor::personId).orElse(null);
        LocalDate today = today();
        return persons.stream().collect(Collectors.toMap(Person::getId, p -> {
            Organization unit = orgs.get(p.getOrganizationId());
            boolean reached = p.getId().equals(self) || (unit != null && reach.covers(unit.getPath()));
            String masked = maskMobile(p.getMobile());
            return new PersonCard(p.getId(), reached || knownByName.contains(p.getId()) ? p.getName() : Person.maskName(p.getName()),
                    p.getGender(), p.ageOn(today), reached ? p.getMobile() : masked, masked, nameOf(unit, Organization::getName),
                    p.getOrganizationId(), p.getStatus() == PersonStatus.ACTIVE, reached);
        }));
    }

    /** 138****8000: what people outside a person's own branch see of their mobile. */
    static String maskMobile(String mobile) {
        return mobile == null || mobile.length() != 11 ? mobile : mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    /**
     * What a group may ask of a member it appoints (a council's guide must be a Party member, its cadre
     * hold a League post) and where they live: no more of the record than that. Callers run the group.
     */
    public record Standing(long personId, long organizationId, Long compoundId, Long buildingId, boolean partyMember,
                           boolean leaguePost, String leaguePostCode) {
    }

    @Transactional(readOnly = true)
    public Standing standing(long personId) {
        Person p = people.findById(personId).orElseThrow(() -> new NotFoundException("person", personId));
        return new Standing(p.getId(), p.getOrganizationId(), p.getCompoundId(), p.getBuildingId(), p.isPartyMember(),
                p.holdsLeaguePost(), p.getLeaguePost());
    }

    /** The person with this identity number, if the caller reaches them; for nominations and matching. */
    @Transactional(readOnly = true)
    public Optional<Long> findByIdNumber(String idNumber) {
        Actor actor = requireLedgerKeeper();
        String hash = idNumberHash(idNumber);
        if (hash == null) {
            return Optional.empty();
        }
        return people.findIdByIdNumberHash(hash).filter(id -> {
            Organization unit = units.organization(people.findById(id).orElseThrow().getOrganizationId()).orElseThrow();
            return actor.covers(unit.getPath());
        });
    }

    /** The branches a person in the caller's reach may belong to, for a form's choice. */
    @Transactional(readOnly = true)
    public List<Organization> branchesInReach() {
        Actor actor = requireLedgerKeeper();
        return units.subtree(actor.scopePrefix()).stream().filter(o -> o.getType().isBranch()).toList();
    }

    /** The building a group leader looks after, if their account is bound to a building group. */
    @Transactional(readOnly = true)
    public Optional<Long> myBuilding() {
        Actor actor = actors.current();
        return actor.organizationId() == null ? Optional.empty()
                : units.buildingOfGroup(actor.organizationId()).map(Building::getId);
    }

    public record BuildingPeople(Organization branch, Compound compound, Building building, List<Person> people, LocalDate today) {
    }

    // --- for the other services of this module ---

    /** A person within the caller's reach; as if absent (404) otherwise. */
    Person reachable(Actor actor, long id) {
        reach.require(Reach.Target.PERSON, id);
        return people.findById(id).orElseThrow(() -> new NotFoundException("person", id));
    }

    Actor requireLedgerKeeper() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }

    /** The branch a form names must lie within the caller's reach (an unknown one is the checks' field error). */
    void requireBranchInReach(Long organizationId) {
        if (organizationId != null && units.organization(organizationId).isPresent()) {
            reach.requireOrganization(organizationId);
        }
    }

    /**
     * The branches a search runs over (people belong to branches only): the caller's reach, or a unit
     * in it and below; {@code null} for the whole county.
     */
    List<Long> unitsToSearch(Actor actor, Long under) {
        String prefix = actor.scopePrefix();
        if (under != null) {
            Organization unit = units.organization(under).orElseThrow(() -> new NotFoundException("organization", under));
            actor.requireCovers(unit.getPath());
            prefix = unit.getPath();
        }
        return "/".equals(prefix) ? null : units.branchIdsWithin(prefix);
    }

    Person.SealedIdNumber seal(IdNumber number) {
        return new Person.SealedIdNumber(personalData.encrypt(number.value()), personalData.blindIndex(number), number.masked());
    }

    String decryptedIdNumber(Person person) {
        return personalData.decrypt(person.getIdNumberCipher());
    }

    /** Names and identity numbers are corrected by admins only. */
    boolean mayCorrect(Actor actor) {
        return actor.isAdmin();
    }

    boolean mayReveal(Actor actor, Organization organization) {
        return actor.isCountyAdmin() || (actor.is(Role.BRANCH_SECRETARY) && actor.covers(organization.getPath()));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Facts for checking one record, read from the database as needed. */
    PersonChecks.Facts facts() {
        Dictionaries.Snapshot snapshot = dictionaries.snapshot();
        LocalDate today = today();
        return new PersonChecks.Facts() {
            @Override
            public LocalDate today() {
                return today;
            }

            @Override
            public Dictionaries.Snapshot dictionaries() {
                return snapshot;
            }

            @Override
            public Optional<Organization> organization(long id) {
                return units.organization(id);
            }

            @Override
            public Optional<Compound> compound(long id) {
                return units.compound(id);
            }

            @Override
            public Optional<Building> building(long id) {
                return units.building(id);
            }

            @Override
            public Optional<Long> holderOf(String idNumberHash) {
                return people.findIdByIdNumberHash(idNumberHash);
            }
        };
    }

    /** Adds unit, compound and building names to list rows, with one query each. */
    List<PersonRow> named(List<PersonListing.Raw> rows, LocalDate today) {
        Set<Long> orgIds = new HashSet<>();
        Set<Long> compoundIds = new HashSet<>();
        Set<Long> buildingIds = new HashSet<>();
        for (PersonListing.Raw r : rows) {
            orgIds.add(r.organizationId());
            if (r.compoundId() != null) {
                compoundIds.add(r.compoundId());
            }
            if (r.buildingId() != null) {
                buildingIds.add(r.buildingId());
            }
        }
        Map<Long, Organization> orgs = units.organizations(orgIds);
        Map<Long, Compound> compounds = compoundIds.isEmpty() ? Map.of() : units.compounds(compoundIds);
        Map<Long, Building> buildings = buildingIds.isEmpty() ? Map.of() : units.buildings(buildingIds);
        return rows.stream().map(r -> new PersonRow(r.id(), r.name(), r.gender(), r.birthDate(),
                Period.between(r.birthDate(), today).getYears(), r.idNumberMasked(), r.mobile(), r.ledger(),
                r.organizationId(), nameOf(orgs.get(r.organizationId()), Organization::getName),
                r.compoundId(), r.compoundId() == null ? null : nameOf(compounds.get(r.compoundId()), Compound::getName),
                r.buildingId(), r.buildingId() == null ? null : nameOf(buildings.get(r.buildingId()), Building::getName),
                r.backbone(), r.gridRoles(), r.tags(), r.status(), r.leaguePost())).toList();
    }

    private static <T> String nameOf(T unit, Function<T, String> name) {
        return unit == null ? null : name.apply(unit);
    }

    private String idNumberHash(String text) {
        return text != null && IdNumber.problem(text).isEmpty() ? personalData.blindIndex(IdNumber.of(text)) : null;
    }

    private Actor requireCorrector() {
        Actor actor = actors.current();
        if (!mayCorrect(actor)) {
            throw new AccessDeniedException("Only admins correct names and identity numbers");
        }
        return actor;
    }

    private static void requireReason(String reason, List<Problem> problems) {
        if (reason == null || reason.isBlank()) {
            problems.add(new Problem("reason", "member.correction.reason-required"));
        } else if (reason.length() > 500) {
            problems.add(new Problem("reason", "member.length", 500));
        }
    }
}
