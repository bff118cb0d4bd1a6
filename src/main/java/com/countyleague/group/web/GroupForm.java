package com.countyleague.group.web;

import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.PracticeTheme;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A group's settings as the form edits them. */
public class GroupForm {

    static final String[] FIELDS = {"kind", "theme", "name", "hostOrgId", "description", "capacity", "inactivityDays", "status"};

    @NotNull(message = "{validation.required}")
    private GroupKind kind = GroupKind.INTEREST_GROUP;

    private PracticeTheme theme;

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String name;

    @NotNull(message = "{validation.required}")
    private Long hostOrgId;

    @Size(max = 2000, message = "{validation.max-length}")
    private String description;

    @Min(value = 1, message = "{group.capacity.positive}")
    @Max(value = 100000, message = "{group.capacity.positive}")
    private Integer capacity;

    @NotNull(message = "{validation.required}")
    @Min(value = 7, message = "{group.inactivity.range-field}")
    @Max(value = 730, message = "{group.inactivity.range-field}")
    private Integer inactivityDays = CommunityGroup.DEFAULT_INACTIVITY_DAYS;

    private CommunityGroup.Status status = CommunityGroup.Status.ACTIVE;

    static GroupForm of(CommunityGroup group) {
        GroupForm form = new GroupForm();
        form.kind = group.getKind();
        form.theme = group.getTheme();
        form.name = group.getName();
        form.hostOrgId = group.getHostOrgId();
        form.description = group.getDescription();
        form.capacity = group.getCapacity();
        form.inactivityDays = group.getInactivityDays();
        form.status = group.getStatus();
        return form;
    }

    CommunityGroup.Details details() {
        return new CommunityGroup.Details(kind, kind != null && kind.hasTheme() ? theme : null, name, hostOrgId, description,
                capacity, inactivityDays, status);
    }

    public GroupKind getKind() { return kind; }
    public void setKind(GroupKind kind) { this.kind = kind; }
    public PracticeTheme getTheme() { return theme; }
    public void setTheme(PracticeTheme theme) { this.theme = theme; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getHostOrgId() { return hostOrgId; }
    public void setHostOrgId(Long hostOrgId) { this.hostOrgId = hostOrgId; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public Integer getInactivityDays() { return inactivityDays; }
    public void setInactivityDays(Integer inactivityDays) { this.inactivityDays = inactivityDays; }
    public CommunityGroup.Status getStatus() { return status; }
    public void setStatus(CommunityGroup.Status status) { this.status = status; }
}
