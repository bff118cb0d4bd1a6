package com.countyleague.orglife.web;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.countyleague.orglife.MeetingKind;
import com.countyleague.orglife.Meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A meeting as the secretary records it: the branch, kind, day, topic, minutes and who of the branch came, perhaps from an activity's check-ins. */
public class MeetingForm {

    static final String[] FIELDS = {"organizationId", "kind", "heldOn", "topic", "minutes", "attendeeIds", "activityId"};

    @NotNull(message = "{validation.required}")
    private Long organizationId;

    @NotNull(message = "{validation.required}")
    private MeetingKind kind = MeetingKind.BRANCH_ASSEMBLY;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate heldOn;

    @NotBlank(message = "{validation.required}")
    @Size(max = 200, message = "{validation.max-length}")
    private String topic;

    @Size(max = 20_000, message = "{validation.max-length}")
    private String minutes;

    private List<Long> attendeeIds = List.of();

    /** The organisational-life activity the meeting was held as, whose check-ins are its attendance. */
    private Long activityId;

    Meetings.Draft draft() {
        return new Meetings.Draft(organizationId, kind, heldOn, topic, minutes,
                attendeeIds == null ? Set.of() : new LinkedHashSet<>(attendeeIds), activityId);
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public void setOrganizationId(Long organizationId) {
        this.organizationId = organizationId;
    }

    public MeetingKind getKind() {
        return kind;
    }

    public void setKind(MeetingKind kind) {
        this.kind = kind;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(LocalDate heldOn) {
        this.heldOn = heldOn;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }

    public Long getActivityId() {
        return activityId;
    }

    public void setActivityId(Long activityId) {
        this.activityId = activityId;
    }

    public List<Long> getAttendeeIds() {
        return attendeeIds;
    }

    public void setAttendeeIds(List<Long> attendeeIds) {
        this.attendeeIds = attendeeIds;
    }
}
