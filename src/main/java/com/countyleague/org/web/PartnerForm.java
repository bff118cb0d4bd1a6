package com.countyleague.org.web;

import com.countyleague.org.PartnerKind;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/** One partner unit row of a joint branch's form. */
public class PartnerForm {

    private PartnerKind kind;

    @Size(max = 100, message = "{validation.max-length}")
    private String name;

    public PartnerForm() {
    }

    PartnerForm(PartnerKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    boolean isBlank() {
        return name == null || name.isBlank();
    }

    @AssertTrue(message = "{org.partner.kind-required}")
    public boolean isKindGiven() {
        return isBlank() || kind != null;
    }

    public PartnerKind getKind() {
        return kind;
    }

    public void setKind(PartnerKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
