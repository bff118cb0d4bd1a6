package com.countyleague.council.web;

import com.countyleague.council.ResidentIssue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An issue as staff raise it, or a member reports it (then without unit and council, perhaps anonymously). */
public class IssueForm {

    static final String[] STAFF_FIELDS = {"organizationId", "councilId", "scope", "nature", "compoundId", "buildingId", "title",
            "description"};
    static final String[] MEMBER_FIELDS = {"scope", "nature", "compoundId", "buildingId", "title", "description", "anonymous"};

    private Long organizationId;

    private Long councilId;

    @NotBlank(message = "{validation.required}")
    private String scope;

    @NotBlank(message = "{validation.required}")
    private String nature;

    private Long compoundId;

    private Long buildingId;

    @NotBlank(message = "{validation.required}")
    @Size(max = 60, message = "{issue.title.too-long}")
    private String title;

    @NotBlank(message = "{validation.required}")
    @Size(max = 2000, message = "{issue.description.too-long}")
    private String description;

    private boolean anonymous;

    ResidentIssue.Report report() {
        return new ResidentIssue.Report(organizationId == null ? -1 : organizationId, councilId, scope, nature, compoundId, buildingId,
                title, description);
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public Long getCouncilId() {
        return councilId;
    }

    public void setCouncilId(Long councilId) {
        this.councilId = councilId;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getNature() {
        return nature;
    }

    public void setNature(String nature) {
        this.nature = nature;
    }

    public Long getCompoundId() {
        return compoundId;
    }

    public void setCompoundId(Long compoundId) {
        this.compoundId = compoundId;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public void setBuildingId(Long buildingId) {
        this.buildingId = buildingId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }
}
