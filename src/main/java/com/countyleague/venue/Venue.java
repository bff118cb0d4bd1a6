package com.countyleague.venue;

import com.countyleague.org.Position;
import com.countyleague.web.RuleViolationException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A venue (阵地): a Youth Home, a book bar, a tool house …, managed by one organisation. */
@Entity
public class Venue {

    /** The kinds that make a Youth Home (青年之家): coverage counts only these. */
    public static final String FLAGSHIP = "YOUTH_HOME_FLAGSHIP";
    public static final String FUNCTION_STORE = "YOUTH_HOME_FUNCTION";

    static final int MAX_NAME = 100;

    /** What staff enter; the kind is a code of the county's venue kinds. */
    public record Details(String name, String kind, Long organizationId, String address, Position position, LocalTime opensAt,
                          LocalTime closesAt, Integer capacity, String facilities) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String kind;

    private Long organizationId;

    private String address;

    private BigDecimal latitude;

    private BigDecimal longitude;

    private LocalTime opensAt;

    private LocalTime closesAt;

    private int capacity;

    private String facilities;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected Venue() {
    }

    Venue(Details details, Instant now) {
        this.createdAt = now;
        apply(details);
    }

    void apply(Details d) {
        if (d.name() == null || d.name().isBlank() || d.name().strip().length() > MAX_NAME) {
            throw new RuleViolationException("name", "venue.name.invalid", MAX_NAME);
        }
        if (d.opensAt() == null || d.closesAt() == null || !d.closesAt().isAfter(d.opensAt())) {
            throw new RuleViolationException("closesAt", "venue.hours.invalid");
        }
        if (d.capacity() == null || d.capacity() < 1 || d.capacity() > 100_000) {
            throw new RuleViolationException("capacity", "venue.capacity.invalid");
        }
        this.name = d.name().strip();
        this.kind = d.kind();
        this.organizationId = d.organizationId();
        this.address = d.address() == null || d.address().isBlank() ? null : d.address().strip();
        this.latitude = d.position() == null ? null : d.position().latitude();
        this.longitude = d.position() == null ? null : d.position().longitude();
        this.opensAt = d.opensAt();
        this.closesAt = d.closesAt();
        this.capacity = d.capacity();
        this.facilities = d.facilities() == null || d.facilities().isBlank() ? null : d.facilities().strip();
    }

    /** Whether a booking of these hours on one day fits the opening hours. */
    boolean open(LocalTime from, LocalTime to) {
        return !from.isBefore(opensAt) && !to.isAfter(closesAt) && to.isAfter(from);
    }

    public boolean isYouthHome() {
        return FLAGSHIP.equals(kind) || FUNCTION_STORE.equals(kind);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getAddress() {
        return address;
    }

    public Position getPosition() {
        return Position.ofNullable(latitude, longitude);
    }

    public LocalTime getOpensAt() {
        return opensAt;
    }

    public LocalTime getClosesAt() {
        return closesAt;
    }

    public int getCapacity() {
        return capacity;
    }

    public String getFacilities() {
        return facilities;
    }

    public Details details() {
        return new Details(name, kind, organizationId, address, getPosition(), opensAt, closesAt, capacity, facilities);
    }
}
