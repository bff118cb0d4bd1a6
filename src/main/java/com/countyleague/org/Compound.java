package com.countyleague.org;

import java.math.BigDecimal;
import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A residential compound (小区) in the care of a community branch. */
@Entity
public class Compound {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long branchId;

    private String name;

    private String address;

    private BigDecimal latitude;

    private BigDecimal longitude;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected Compound() {
    }

    Compound(Organization branch, String name, String address, Instant now) {
        if (!branch.getType().isBranch()) {
            throw RuleViolationException.of("org.compound.branch-only");
        }
        this.branchId = branch.getId();
        this.name = name;
        this.address = address;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getBranchId() {
        return branchId;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    /** Where the compound lies, or null where nobody has entered it yet. */
    public Position getPosition() {
        return Position.ofNullable(latitude, longitude);
    }

    void locate(Position position) {
        this.latitude = position == null ? null : position.latitude();
        this.longitude = position == null ? null : position.longitude();
    }
}
