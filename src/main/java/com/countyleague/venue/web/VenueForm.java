package com.countyleague.venue.web;

import com.countyleague.org.Position;
import com.countyleague.venue.Venue;

import java.math.BigDecimal;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A venue as its form edits it. */
public class VenueForm {

    static final String[] FIELDS = {"name", "kind", "organizationId", "address", "latitude", "longitude", "opensAt", "closesAt",
            "capacity", "facilities"};

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String name;

    @NotBlank(message = "{validation.required}")
    private String kind;

    @NotNull(message = "{validation.required}")
    private Long organizationId;

    @Size(max = 200, message = "{validation.max-length}")
    private String address;

    @Min(value = -90, message = "{place.position.invalid}")
    @Max(value = 90, message = "{place.position.invalid}")
    private BigDecimal latitude;

    @Min(value = -180, message = "{place.position.invalid}")
    @Max(value = 180, message = "{place.position.invalid}")
    private BigDecimal longitude;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime opensAt = LocalTime.of(9, 0);

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime closesAt = LocalTime.of(21, 0);

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{venue.capacity.invalid}")
    @Max(value = 100_000, message = "{venue.capacity.invalid}")
    private Integer capacity = 30;

    @Size(max = 500, message = "{validation.max-length}")
    private String facilities;

    static VenueForm of(Venue venue) {
        VenueForm form = new VenueForm();
        Venue.Details d = venue.details();
        form.name = d.name();
        form.kind = d.kind();
        form.organizationId = d.organizationId();
        form.address = d.address();
        form.latitude = d.position() == null ? null : d.position().latitude();
        form.longitude = d.position() == null ? null : d.position().longitude();
        form.opensAt = d.opensAt();
        form.closesAt = d.closesAt();
        form.capacity = d.capacity();
        form.facilities = d.facilities();
        return form;
    }

    /** The details, or a refusal naming the coordinate when only one of the two is given. */
    Venue.Details details() {
        return new Venue.Details(name, kind, organizationId, address, Position.ofNullable(latitude, longitude), opensAt, closesAt,
                capacity, facilities);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getOrganizationId() { return organizationId; }
    public void setOrganizationId(Long organizationId) { this.organizationId = organizationId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public BigDecimal getLatitude() { return latitude; }
    public void setLatitude(BigDecimal latitude) { this.latitude = latitude; }
    public BigDecimal getLongitude() { return longitude; }
    public void setLongitude(BigDecimal longitude) { this.longitude = longitude; }
    public LocalTime getOpensAt() { return opensAt; }
    public void setOpensAt(LocalTime opensAt) { this.opensAt = opensAt; }
    public LocalTime getClosesAt() { return closesAt; }
    public void setClosesAt(LocalTime closesAt) { this.closesAt = closesAt; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public String getFacilities() { return facilities; }
    public void setFacilities(String facilities) { this.facilities = facilities; }
}
