package com.countyleague.member.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.countyleague.member.Gender;
import com.countyleague.member.GridRole;
import com.countyleague.member.Ledger;
import com.countyleague.member.Person;
import com.countyleague.member.PersonDraft;
import com.countyleague.member.PersonStatus;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A person's record as the form edits it. The rules are checked by the ledger service (the same
 * rules as for an import), so this form only carries values.
 */
public class PersonForm {

    static final String[] FIELDS = {"name", "gender", "birthDate", "idNumber", "mobile", "ledger", "politicalStatus",
            "organizationId", "compoundId", "buildingId", "workplace", "education", "sourceChannel", "tags", "skills",
            "backbone", "gridRoles", "ethnicity", "joinedLeagueOn", "leagueNumber", "leaguePost", "volunteerRegisteredOn",
            "status", "notes"};

    private String name;
    private Gender gender;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate birthDate;
    private String idNumber;
    private String mobile;
    private Ledger ledger = Ledger.LEAGUE_MEMBER;
    private String politicalStatus;
    private Long organizationId;
    private Long compoundId;
    private Long buildingId;
    private String workplace;
    private String education;
    private String sourceChannel;
    private List<String> tags = new ArrayList<>();
    private String skills;
    private boolean backbone;
    private Set<GridRole> gridRoles = EnumSet.noneOf(GridRole.class);
    private String ethnicity;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate joinedLeagueOn;
    private String leagueNumber;
    private String leaguePost;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate volunteerRegisteredOn;
    private PersonStatus status = PersonStatus.ACTIVE;
    private String notes;

    static PersonForm of(Person p) {
        PersonForm form = new PersonForm();
        form.name = p.getName();
        form.gender = p.getGender();
        form.birthDate = p.getBirthDate();
        form.idNumber = p.getIdNumberMasked();
        form.mobile = p.getMobile();
        form.ledger = p.getLedger();
        form.politicalStatus = p.getPoliticalStatus();
        form.organizationId = p.getOrganizationId();
        form.compoundId = p.getCompoundId();
        form.buildingId = p.getBuildingId();
        form.workplace = p.getWorkplace();
        form.education = p.getEducation();
        form.sourceChannel = p.getSourceChannel();
        form.tags = new ArrayList<>(p.getTags());
        form.skills = p.getSkills();
        form.backbone = p.isBackbone();
        form.gridRoles = p.getGridRoles().isEmpty() ? EnumSet.noneOf(GridRole.class) : EnumSet.copyOf(p.getGridRoles());
        form.ethnicity = p.getEthnicity();
        form.joinedLeagueOn = p.getJoinedLeagueOn();
        form.leagueNumber = p.getLeagueNumber();
        form.leaguePost = p.getLeaguePost();
        form.volunteerRegisteredOn = p.getVolunteerRegisteredOn();
        form.status = p.getStatus();
        form.notes = p.getNotes();
        return form;
    }

    PersonDraft draft() {
        return new PersonDraft(name, gender, birthDate, idNumber, mobile, ledger, politicalStatus, organizationId,
                compoundId, buildingId, workplace, education, sourceChannel, tags, skills, backbone, gridRoles, ethnicity,
                joinedLeagueOn, leagueNumber, leaguePost, volunteerRegisteredOn, status, notes);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public LocalDate getBirthDate() { return birthDate; }
    public void setBirthDate(LocalDate birthDate) { this.birthDate = birthDate; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public Ledger getLedger() { return ledger; }
    public void setLedger(Ledger ledger) { this.ledger = ledger; }
    public String getPoliticalStatus() { return politicalStatus; }
    public void setPoliticalStatus(String politicalStatus) { this.politicalStatus = politicalStatus; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public Long getCompoundId() { return compoundId; }
    public void setCompoundId(Long compoundId) { this.compoundId = compoundId; }
    public Long getBuildingId() { return buildingId; }
    public void setBuildingId(Long buildingId) { this.buildingId = buildingId; }
    public String getWorkplace() { return workplace; }
    public void setWorkplace(String workplace) { this.workplace = workplace; }
    public String getEducation() { return education; }
    public void setEducation(String education) { this.education = education; }
    public String getSourceChannel() { return sourceChannel; }
    public void setSourceChannel(String sourceChannel) { this.sourceChannel = sourceChannel; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags == null ? new ArrayList<>() : tags; }
    public String getSkills() { return skills; }
    public void setSkills(String skills) { this.skills = skills; }
    public boolean isBackbone() { return backbone; }
    public void setBackbone(boolean backbone) { this.backbone = backbone; }
    public Set<GridRole> getGridRoles() { return gridRoles; }
    public void setGridRoles(Set<GridRole> gridRoles) { this.gridRoles = gridRoles == null ? EnumSet.noneOf(GridRole.class) : gridRoles; }
    public String getEthnicity() { return ethnicity; }
    public void setEthnicity(String ethnicity) { this.ethnicity = ethnicity; }
    public LocalDate getJoinedLeagueOn() { return joinedLeagueOn; }
    public void setJoinedLeagueOn(LocalDate joinedLeagueOn) { this.joinedLeagueOn = joinedLeagueOn; }
    public String getLeagueNumber() { return leagueNumber; }
    public void setLeagueNumber(String leagueNumber) { this.leagueNumber = leagueNumber; }
    public String getLeaguePost() { return leaguePost; }
    public void setLeaguePost(String leaguePost) { this.leaguePost = leaguePost; }
    public LocalDate getVolunteerRegisteredOn() { return volunteerRegisteredOn; }
    public void setVolunteerRegisteredOn(LocalDate volunteerRegisteredOn) { this.volunteerRegisteredOn = volunteerRegisteredOn; }
    public PersonStatus getStatus() { return status; }
    public void setStatus(PersonStatus status) { this.status = status; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
}
