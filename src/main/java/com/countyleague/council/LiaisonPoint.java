package com.countyleague.council;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** 团代表联络点: where League representatives receive residents, run by a unit. */
@Entity
public class LiaisonPoint {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private String name;

    private String address;

    private Instant createdAt;

    @Version
    private long version;

    protected LiaisonPoint() {
    }

    LiaisonPoint(long organizationId, String name, String address, Instant now) {
        this.organizationId = organizationId;
        this.name = name;
        this.address = address;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }
}
