package com.countyleague.venue;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** An item of a tool house (a ladder, a drill, folding tables …), with how many of it there are. */
@Entity
public class ToolItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long venueId;

    private String name;

    private int quantity;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected ToolItem() {
    }

    ToolItem(long venueId, String name, int quantity, Instant now) {
        this.venueId = venueId;
        this.name = name;
        this.quantity = quantity;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getVenueId() {
        return venueId;
    }

    public String getName() {
        return name;
    }

    public int getQuantity() {
        return quantity;
    }
}
