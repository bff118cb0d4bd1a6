package com.countyleague.org;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A partner unit (联建单位) of a joint branch. */
@Embeddable
public class PartnerUnit {

    @Enumerated(EnumType.STRING)
    private PartnerKind kind;

    private String name;

    protected PartnerUnit() {
    }

    public PartnerUnit(PartnerKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }
}
