package com.countyleague.org;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

/** A building (楼栋) of a compound, with the building group (团小组) whose leader contacts its youth. */
@Entity
public class Building {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Compound compound;

    private String name;

    private Long groupId;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected Building() {
    }

    Building(Compound compound, String name, Organization group, Instant now) {
        this.compound = compound;
        this.name = name;
        this.groupId = group.getId();
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCompoundId() {
        return compound.getId();
    }

    public String getName() {
        return name;
    }

    public Long getGroupId() {
        return groupId;
    }
}
