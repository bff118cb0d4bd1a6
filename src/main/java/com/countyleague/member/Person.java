package com.countyleague.member;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person in one of the two ledgers, once per county (unique by identity number). Owns the rules
 * of the League constitution about them: joining turns a youth into a league member; a member who
 * has reached 28 and holds no League post retires (离团), never silently disappears.
 */
@Entity
public class Person {

    /** What the database also checks: the national volunteer number as its system prints it. */
    static final String VOLUNTEER_NUMBER = "[0-9A-Z-]{6,30}";

    /** 年满28周岁: the age at which a member without a League post leaves the League. */
    public static final int RETIREMENT_AGE = 28;
    /** The League admits young people from 14. */
    public static final int MINIMUM_MEMBER_AGE = 14;
    public static final int MAX_NAME_LENGTH = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_id_seq", allocationSize = 50)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    private LocalDate birthDate;

    private byte[] idNumberCipher;

    private String idNumberHash;

    private String idNumberMasked;

    private String mobile;

    @Enumerated(EnumType.STRING)
    private Ledger ledger;

    private String politicalStatus;

    private Long organizationId;

    private Long compoundId;

    private Long buildingId;

    private String workplace;

    private String education;

    private String sourceChannel;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]")
    private List<String> tags = new ArrayList<>();

    private String skills;

    private boolean backbone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(20)[]")
    private List<String> gridRoles = new ArrayList<>();

    private String ethnicity;

    private LocalDate joinedLeagueOn;

    private String leagueNumber;

    private String volunteerNumber;

    private String leaguePost;

    private LocalDate volunteerRegisteredOn;

    @Enumerated(EnumType.STRING)
    private PersonStatus status;

    private String notes;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private Long version;

    protected Person() {
    }

    Person(PersonDraft draft, SealedIdNumber id, Instant now) {
        this.createdAt = now;
        seal(id);
        apply(draft, now);
    }

    /** An identity number as stored: encrypted, indexed and masked, never in the clear. */
    record SealedIdNumber(byte[] cipher, String hash, String masked) {
    }

    /** The name as a public page shows it: 张*三, 李*. */
    public static String maskName(String name) {
        if (name == null || name.length() <= 1) {
            return name;
        }
        if (name.length() == 2) {
            return name.charAt(0) + "*";
        }
        return name.charAt(0) + "*".repeat(name.length() - 2) + name.charAt(name.length() - 1);
    }

    /** Names keep the middle dot of minority names in one form (阿卜杜拉·买买提) and lose stray spaces. */
    public static String normalizeName(String name) {
        if (name == null) {
            return null;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFKC).trim()
                .replaceAll("\\s*[•・‧∙．.]\\s*", "·").replaceAll("\\s*·\\s*", "·").replaceAll("\\s+", " ");
        return normalized.isEmpty() ? null : normalized;
    }

    /** Whether a name is one a person can have: letters of any script, the middle dot, single spaces. */
    public static boolean isPlausibleName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && name.matches("[\\p{L}\\p{M}]+([· ][\\p{L}\\p{M}]+)*");
    }

    /** Applies a checked draft: everything but the identity number and the name's corrections. */
    void apply(PersonDraft draft, Instant now) {
        this.name = draft.name();
        this.gender = draft.gender();
        this.birthDate = draft.birthDate();
        this.mobile = draft.mobile();
        this.ledger = draft.ledger();
        this.politicalStatus = draft.politicalStatus();
        this.organizationId = draft.organizationId();
        this.compoundId = draft.compoundId();
        this.buildingId = draft.buildingId();
        this.workplace = draft.workplace();
        this.education = draft.education();
        this.sourceChannel = draft.sourceChannel();
        this.tags = new ArrayList<>(draft.tags());
        this.skills = draft.skills();
        this.backbone = draft.backbone();
        this.gridRoles = draft.gridRoles().stream().map(Enum::name).sorted().collect(Collectors.toCollection(ArrayList::new));
        this.ethnicity = draft.ethnicity();
        this.joinedLeagueOn = draft.joinedLeagueOn();
        this.leagueNumber = draft.leagueNumber();
        this.leaguePost = draft.leaguePost();
        this.volunteerRegisteredOn = draft.volunteerRegisteredOn();
        this.status = draft.status();
        this.notes = draft.notes();
        this.updatedAt = now;
    }

    void seal(SealedIdNumber id) {
        this.idNumberCipher = id.cipher();
        this.idNumberHash = id.hash();
        this.idNumberMasked = id.masked();
    }

    /** Whether applying this draft would change nothing (an exported sheet imported back). */
    boolean matches(PersonDraft draft) {
        return Objects.equals(name, draft.name()) && gender == draft.gender() && Objects.equals(birthDate, draft.birthDate())
                && Objects.equals(mobile, draft.mobile()) && ledger == draft.ledger()
                && Objects.equals(politicalStatus, draft.politicalStatus())
                && Objects.equals(organizationId, draft.organizationId()) && Objects.equals(compoundId, draft.compoundId())
                && Objects.equals(buildingId, draft.buildingId()) && Objects.equals(workplace, draft.workplace())
                && Objects.equals(education, draft.education()) && Objects.equals(sourceChannel, draft.sourceChannel())
                && Set.copyOf(tags).equals(Set.copyOf(draft.tags())) && Objects.equals(skills, draft.skills())
                && backbone == draft.backbone() && getGridRoles().equals(draft.gridRoles())
                && Objects.equals(ethnicity, draft.ethnicity()) && Objects.equals(joinedLeagueOn, draft.joinedLeagueOn())
                && Objects.equals(leagueNumber, draft.leagueNumber()) && Objects.equals(leaguePost, draft.leaguePost())
                && Objects.equals(volunteerRegisteredOn, draft.volunteerRegisteredOn()) && status == draft.status()
                && Objects.equals(notes, draft.notes());
    }

    public int ageOn(LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** 超龄: a league member who has reached the retirement age. */
    /** 中共党员 or 预备党员 in the ledger: who may guide a youth council. */
    public boolean isPartyMember() {
        return "CPC_MEMBER".equals(politicalStatus) || "CPC_PROBATIONARY".equals(politicalStatus);
    }

    /** Whether the person holds a League post (团内职务). */
    public boolean holdsLeaguePost() {
        return leaguePost != null;
    }

    public boolean isPastLeagueAge(LocalDate today) {
        return ledger == Ledger.LEAGUE_MEMBER && status == PersonStatus.ACTIVE && ageOn(today) >= RETIREMENT_AGE;
    }

    /** 入团: a youth becomes a league member on the given day. */
    void joinLeague(LocalDate on, String number, LocalDate today, Instant now) {
        if (ledger != Ledger.YOUTH || status != PersonStatus.ACTIVE) {
            throw RuleViolationException.of("member.join.not-youth");
        }
        if (on == null || on.isAfter(today) || on.isBefore(birthDate.plusYears(MINIMUM_MEMBER_AGE))
                || !on.isBefore(birthDate.plusYears(RETIREMENT_AGE))) {
            throw new RuleViolationException("joinedOn", "member.join.age", MINIMUM_MEMBER_AGE, RETIREMENT_AGE);
        }
        if (!LeagueNumbers.fits(number, on)) {
            throw new RuleViolationException("leagueNumber", "member.league-number.format");
        }
        this.ledger = Ledger.LEAGUE_MEMBER;
        this.joinedLeagueOn = on;
        this.leagueNumber = number == null || number.isBlank() ? null : number.trim();
        if (politicalStatus == null || "MASSES".equals(politicalStatus)) {
            this.politicalStatus = "LEAGUE_MEMBER";
        }
        this.updatedAt = now;
    }

    /** 超龄离团: only a league member who has reached 28 and holds no League post. */
    void retire(LocalDate today, Instant now) {
        if (!isPastLeagueAge(today)) {
            throw RuleViolationException.of("member.retire.not-due", name);
        }
        if (leaguePost != null) {
            throw RuleViolationException.of("member.retire.holds-post", name);
        }
        this.status = PersonStatus.RETIRED;
        this.updatedAt = now;
    }

    /** An accepted transfer: the person now belongs to the receiving branch, not to a building there yet. */
    void moveTo(long organizationId, Instant now) {
        this.organizationId = organizationId;
        this.compoundId = null;
        this.buildingId = null;
        this.updatedAt = now;
    }

    void markBackbone(Instant now) {
        this.backbone = true;
        this.updatedAt = now;
    }

    void correctName(String newName, Instant now) {
        this.name = newName;
        this.updatedAt = now;
    }

    void correctIdNumber(SealedIdNumber id, LocalDate birthDate, Gender gender, Instant now) {
        seal(id);
        this.birthDate = birthDate;
        this.gender = gender;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Gender getGender() {
        return gender;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    byte[] getIdNumberCipher() {
        return idNumberCipher;
    }

    String getIdNumberHash() {
        return idNumberHash;
    }

    public String getIdNumberMasked() {
        return idNumberMasked;
    }

    public String getMobile() {
        return mobile;
    }

    public Ledger getLedger() {
        return ledger;
    }

    public String getPoliticalStatus() {
        return politicalStatus;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getCompoundId() {
        return compoundId;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public String getWorkplace() {
        return workplace;
    }

    public String getEducation() {
        return education;
    }

    public String getSourceChannel() {
        return sourceChannel;
    }

    public List<String> getTags() {
        return List.copyOf(tags);
    }

    public String getSkills() {
        return skills;
    }

    public boolean isBackbone() {
        return backbone;
    }

    public Set<GridRole> getGridRoles() {
        Set<GridRole> roles = EnumSet.noneOf(GridRole.class);
        gridRoles.forEach(r -> roles.add(GridRole.valueOf(r)));
        return roles;
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public LocalDate getJoinedLeagueOn() {
        return joinedLeagueOn;
    }

    /**
     * A national volunteer number as its system prints it (letters and digits, 6 to 30), spaces
     * dropped and letters made capital; {@code null} for a blank one. Certificates name volunteers by
     * it rather than by identity number.
     */
    static String volunteerNumber(String raw) {
        String normalized = raw == null ? "" : raw.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (!normalized.isEmpty() && !normalized.matches(VOLUNTEER_NUMBER)) {
            throw new RuleViolationException("volunteerNumber", "member.volunteer-number.format");
        }
        return normalized.isEmpty() ? null : normalized;
    }

    void recordVolunteerNumber(String number) {
        this.volunteerNumber = volunteerNumber(number);
    }

    public String getVolunteerNumber() {
        return volunteerNumber;
    }

    public String getLeagueNumber() {
        return leagueNumber;
    }

    public String getLeaguePost() {
        return leaguePost;
    }

    public LocalDate getVolunteerRegisteredOn() {
        return volunteerRegisteredOn;
    }

    public PersonStatus getStatus() {
        return status;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
