package com.countyleague.activity.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.countyleague.activity.Activity;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** An activity as its form edits it; times are the county's wall-clock times. */
public class ActivityForm {

    static final String[] FIELDS = {"hostOrgId", "groupId", "type", "mode", "title", "description", "place", "startsAt",
            "endsAt", "signupOpensAt", "signupClosesAt", "capacity", "serviceHours"};

    /** What an {@code input type="datetime-local"} sends, with or without seconds. */
    static final String MINUTES = "yyyy-MM-dd'T'HH:mm";
    static final String SECONDS = "yyyy-MM-dd'T'HH:mm:ss";

    private Long hostOrgId;

    private Long groupId;

    @NotNull(message = "{validation.required}")
    private Activity.Type type = Activity.Type.VOLUNTEER_SERVICE;

    @NotNull(message = "{validation.required}")
    private Activity.Mode mode = Activity.Mode.OFFLINE;

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String title;

    @Size(max = 4000, message = "{validation.max-length}")
    private String description;

    @Size(max = 200, message = "{validation.max-length}")
    private String place;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = MINUTES, fallbackPatterns = SECONDS)
    private LocalDateTime startsAt;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = MINUTES, fallbackPatterns = SECONDS)
    private LocalDateTime endsAt;

    @DateTimeFormat(pattern = MINUTES, fallbackPatterns = SECONDS)
    private LocalDateTime signupOpensAt;

    @DateTimeFormat(pattern = MINUTES, fallbackPatterns = SECONDS)
    private LocalDateTime signupClosesAt;

    @Min(value = 1, message = "{activity.capacity.range}")
    @Max(value = 100000, message = "{activity.capacity.range}")
    private Integer capacity;

    @DecimalMin(value = "0.5", message = "{activity.service-hours.range}")
    @DecimalMax(value = "24", message = "{activity.service-hours.range}")
    private BigDecimal serviceHours;

    static ActivityForm of(Activity activity, ZoneId zone) {
        ActivityForm form = new ActivityForm();
        form.hostOrgId = activity.getHostOrgId();
        form.groupId = activity.getGroupId();
        form.type = activity.getType();
        form.mode = activity.getMode();
        form.title = activity.getTitle();
        form.description = activity.getDescription();
        form.place = activity.getPlace();
        form.startsAt = local(activity.getStartsAt(), zone);
        form.endsAt = local(activity.getEndsAt(), zone);
        form.signupOpensAt = local(activity.getSignupOpensAt(), zone);
        form.signupClosesAt = local(activity.getSignupClosesAt(), zone);
        form.capacity = activity.getCapacity();
        form.serviceHours = activity.getServiceHours();
        return form;
    }

    Activity.Details details(ZoneId zone) {
        return new Activity.Details(groupId == null ? hostOrgId : null, groupId, type, mode, title, description, place,
                instant(startsAt, zone), instant(endsAt, zone), instant(signupOpensAt, zone), instant(signupClosesAt, zone),
                capacity, serviceHours);
    }

    private static LocalDateTime local(Instant at, ZoneId zone) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone);
    }

    private static Instant instant(LocalDateTime at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toInstant();
    }

    public Long getHostOrgId() { return hostOrgId; }
    public void setHostOrgId(Long hostOrgId) { this.hostOrgId = hostOrgId; }
    public Long getGroupId() { return groupId; }
    public void setGroupId(Long groupId) { this.groupId = groupId; }
    public Activity.Type getType() { return type; }
    public void setType(Activity.Type type) { this.type = type; }
    public Activity.Mode getMode() { return mode; }
    public void setMode(Activity.Mode mode) { this.mode = mode; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public LocalDateTime getSignupOpensAt() { return signupOpensAt; }
    public void setSignupOpensAt(LocalDateTime signupOpensAt) { this.signupOpensAt = signupOpensAt; }
    public LocalDateTime getSignupClosesAt() { return signupClosesAt; }
    public void setSignupClosesAt(LocalDateTime signupClosesAt) { this.signupClosesAt = signupClosesAt; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public BigDecimal getServiceHours() { return serviceHours; }
    public void setServiceHours(BigDecimal serviceHours) { this.serviceHours = serviceHours; }
}
