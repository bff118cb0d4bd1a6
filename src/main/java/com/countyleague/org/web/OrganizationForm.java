package com.countyleague.org.web;

import java.util.ArrayList;
import java.util.List;

import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.PartnerUnit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A unit as the create and edit forms show it; blank partner rows are ignored. */
public class OrganizationForm {

    /** Blank rows offered for new partner units of a joint branch. */
    static final int BLANK_PARTNER_ROWS = 2;

    private Long parentId;

    @NotNull(message = "{validation.required}")
    private OrganizationType type;

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String name;

    @NotBlank(message = "{validation.required}")
    @Size(max = 32, message = "{validation.max-length}")
    @Pattern(regexp = "^[A-Za-z0-9_-]*$", message = "{org.code.pattern}")
    private String code;

    @Size(max = 200, message = "{validation.max-length}")
    private String address;

    @Size(max = 50, message = "{validation.max-length}")
    private String contact;

    @Size(max = 50, message = "{validation.max-length}")
    private String secretary;

    @Valid
    private List<PartnerForm> partners = new ArrayList<>();

    static OrganizationForm of(Organization unit) {
        OrganizationForm form = new OrganizationForm();
        form.parentId = unit.getParentId();
        form.type = unit.getType();
        form.name = unit.getName();
        form.code = unit.getCode();
        form.address = unit.getAddress();
        form.contact = unit.getContact();
        form.secretary = unit.getSecretary();
        unit.getPartners().forEach(p -> form.partners.add(new PartnerForm(p.getKind(), p.getName())));
        return form;
    }

    /** Adds blank rows for partner units so a joint branch can list more. */
    OrganizationForm withBlankPartnerRows() {
        partners.removeIf(PartnerForm::isBlank);
        for (int i = 0; i < BLANK_PARTNER_ROWS; i++) {
            partners.add(new PartnerForm());
        }
        return this;
    }

    Organization.Details details() {
        List<PartnerUnit> units = partners.stream().filter(p -> !p.isBlank())
                .map(p -> new PartnerUnit(p.getKind(), p.getName().trim())).toList();
        return new Organization.Details(name, code, address, contact, secretary, units);
    }

    public Long getParentId() {
        return parentId;
    }

    public void setParentId(Long parentId) {
        this.parentId = parentId;
    }

    public OrganizationType getType() {
        return type;
    }

    public void setType(OrganizationType type) {
        this.type = type;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getContact() {
        return contact;
    }

    public void setContact(String contact) {
        this.contact = contact;
    }

    public String getSecretary() {
        return secretary;
    }

    public void setSecretary(String secretary) {
        this.secretary = secretary;
    }

    public List<PartnerForm> getPartners() {
        return partners;
    }

    public void setPartners(List<PartnerForm> partners) {
        this.partners = partners;
    }
}
