package com.countyleague.volunteer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 志愿服务岗: a post at a compound or place, its daily shifts, and the team that keeps it. */
@Entity
@Table(name = "volunteer_post")
public class VolunteerPost {

    public static final int MAX_SLOTS = 6;

    public enum Status { ACTIVE, CLOSED }

    /** One of the post's daily shifts, in the county's wall-clock time. */
    @Embeddable
    public record Slot(@Column(name = "slot_no") int slotNo, @Column(name = "starts_at") LocalTime startsAt,
                       @Column(name = "ends_at") LocalTime endsAt) {

        public int minutes() {
            return (int) Duration.between(startsAt, endsAt).toMinutes();
        }
    }

    public record Details(String name, Long hostOrgId, Long compoundId, String place, Long teamGroupId, int peoplePerShift,
                          List<Slot> slots, Status status) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Long hostOrgId;

    private Long compoundId;

    private String place;

    private Long teamGroupId;

    private int peoplePerShift;

    @Enumerated(EnumType.STRING)
    private Status status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "volunteer_slot", joinColumns = @JoinColumn(name = "post_id"))
    @OrderBy("slotNo")
    private List<Slot> slots = new ArrayList<>();

    private Instant createdAt;

    @Version
    private long version;

    protected VolunteerPost() {
    }

    VolunteerPost(Details details, Instant now) {
        this.createdAt = now;
        this.status = Status.ACTIVE;
        apply(details, true);
    }

    /** Changes the post; its shifts can change only while no shift has been planned on them. */
    void apply(Details d, boolean slotsMayChange) {
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 100) {
            throw new RuleViolationException("name", "post.name.invalid", 100);
        }
        if (d.peoplePerShift() < 1 || d.peoplePerShift() > 20) {
            throw new RuleViolationException("peoplePerShift", "post.people-per-shift.range", 1, 20);
        }
        List<Slot> ordered = d.slots().stream().sorted(Comparator.comparing(Slot::startsAt)).toList();
        if (ordered.isEmpty() || ordered.size() > MAX_SLOTS) {
            throw new RuleViolationException("slots", "post.slots.count", MAX_SLOTS);
        }
        for (int i = 0; i < ordered.size(); i++) {
            Slot slot = ordered.get(i);
            if (!slot.endsAt().isAfter(slot.startsAt()) || (i > 0 && slot.startsAt().isBefore(ordered.get(i - 1).endsAt()))) {
                throw new RuleViolationException("slots", "post.slots.overlap");
            }
        }
        List<Slot> numbered = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            numbered.add(new Slot(i + 1, ordered.get(i).startsAt(), ordered.get(i).endsAt()));
        }
        if (!numbered.equals(slots)) {
            if (!slotsMayChange) {
                throw new RuleViolationException("slots", "post.slots.in-use");
            }
            slots.clear();
            slots.addAll(numbered);
        }
        this.name = d.name().trim();
        this.hostOrgId = d.hostOrgId();
        this.compoundId = d.compoundId();
        this.place = d.place() == null || d.place().isBlank() ? null : d.place().trim();
        this.teamGroupId = d.teamGroupId();
        this.peoplePerShift = d.peoplePerShift();
        this.status = d.status() == null ? Status.ACTIVE : d.status();
    }

    public Optional<Slot> slot(int slotNo) {
        return slots.stream().filter(s -> s.slotNo() == slotNo).findFirst();
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Long getHostOrgId() {
        return hostOrgId;
    }

    public Long getCompoundId() {
        return compoundId;
    }

    public String getPlace() {
        return place;
    }

    public Long getTeamGroupId() {
        return teamGroupId;
    }

    public int getPeoplePerShift() {
        return peoplePerShift;
    }

    public Status getStatus() {
        return status;
    }

    public List<Slot> getSlots() {
        return List.copyOf(slots);
    }
}
