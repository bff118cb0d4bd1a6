package com.countyleague.volunteer.web;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.countyleague.volunteer.VolunteerPost;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A volunteer post as its form edits it; the daily shifts are typed as {@code 08:00-12:00, 14:00-18:00}. */
public class PostForm {

    static final String[] FIELDS = {"name", "hostOrgId", "compoundId", "place", "teamGroupId", "peoplePerShift", "slots", "status"};

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String name;

    @NotNull(message = "{validation.required}")
    private Long hostOrgId;

    private Long compoundId;

    @Size(max = 200, message = "{validation.max-length}")
    private String place;

    @NotNull(message = "{validation.required}")
    private Long teamGroupId;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{post.people-per-shift.range-field}")
    @Max(value = 20, message = "{post.people-per-shift.range-field}")
    private Integer peoplePerShift = 1;

    @NotBlank(message = "{validation.required}")
    @Pattern(regexp = "\\s*\\d{1,2}:\\d{2}\\s*-\\s*\\d{1,2}:\\d{2}\\s*(,\\s*\\d{1,2}:\\d{2}\\s*-\\s*\\d{1,2}:\\d{2}\\s*)*",
            message = "{post.slots.format}")
    private String slots = "08:00-12:00, 14:00-18:00";

    private VolunteerPost.Status status = VolunteerPost.Status.ACTIVE;

    static PostForm of(VolunteerPost post) {
        PostForm form = new PostForm();
        form.name = post.getName();
        form.hostOrgId = post.getHostOrgId();
        form.compoundId = post.getCompoundId();
        form.place = post.getPlace();
        form.teamGroupId = post.getTeamGroupId();
        form.peoplePerShift = post.getPeoplePerShift();
        form.slots = post.getSlots().stream().map(s -> s.startsAt() + "-" + s.endsAt()).collect(Collectors.joining(", "));
        form.status = post.getStatus();
        return form;
    }

    /** The post's details; {@code null} when a typed time does not exist (25:00), which the caller reports on {@code slots}. */
    VolunteerPost.Details details() {
        List<VolunteerPost.Slot> parsed = new ArrayList<>();
        try {
            for (String part : slots.split(",")) {
                String[] times = part.trim().split("\\s*-\\s*");
                parsed.add(new VolunteerPost.Slot(0, time(times[0]), time(times[1])));
            }
        } catch (DateTimeParseException notATime) {
            return null;
        }
        return new VolunteerPost.Details(name, hostOrgId, compoundId, place, teamGroupId, peoplePerShift, parsed, status);
    }

    private static LocalTime time(String text) {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getHostOrgId() { return hostOrgId; }
    public void setHostOrgId(Long hostOrgId) { this.hostOrgId = hostOrgId; }
    public Long getCompoundId() { return compoundId; }
    public void setCompoundId(Long compoundId) { this.compoundId = compoundId; }
    public String getPlace() { return place; }
    public void setPlace(String place) { this.place = place; }
    public Long getTeamGroupId() { return teamGroupId; }
    public void setTeamGroupId(Long teamGroupId) { this.teamGroupId = teamGroupId; }
    public Integer getPeoplePerShift() { return peoplePerShift; }
    public void setPeoplePerShift(Integer peoplePerShift) { this.peoplePerShift = peoplePerShift; }
    public String getSlots() { return slots; }
    public void setSlots(String slots) { this.slots = slots; }
    public VolunteerPost.Status getStatus() { return status; }
    public void setStatus(VolunteerPost.Status status) { this.status = status; }
}
