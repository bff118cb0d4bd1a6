package com.countyleague.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

/**
 * A unit of the tree. Its materialised path ({@code /1/5/23/}: the ids from the root down to itself)
 * makes "this unit and everything below" a prefix match. Owns the rules of where a unit may stand:
 * never under itself or its own descendant, and only under a parent of a fitting type.
 */
@Entity
public class Organization {

    @Id
    private Long id;

    private Long parentId;

    private String path;

    private int depth;

    @Enumerated(EnumType.STRING)
    private OrganizationType type;

    private String name;

    private String code;

    private String address;

    private String contact;

    private String secretary;

    @ElementCollection
    @CollectionTable(name = "organization_partner_unit", joinColumns = @JoinColumn(name = "organization_id"))
    @OrderColumn(name = "position")
    private List<PartnerUnit> partners = new ArrayList<>();

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private Long version;

    protected Organization() {
    }

    /** A new unit with an id drawn beforehand, so its path is known when it is first written. */
    Organization(long id, Organization parent, OrganizationType type, Details details, Instant now) {
        requireFits(type, parent);
        this.id = id;
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.type = type;
        this.createdAt = now;
        apply(details, now);
    }

    /** What an editor may change about a unit, apart from its place in the tree. */
    public record Details(String name, String code, String address, String contact, String secretary,
                          List<PartnerUnit> partners) {
    }

    void update(OrganizationType newType, Details details, Organization parent, boolean hasChildrenOfOtherKind, Instant now) {
        if (newType != type) {
            requireFits(newType, parent);
            if (hasChildrenOfOtherKind) {
                throw new RuleViolationException("type", "org.type.children-do-not-fit");
            }
            this.type = newType;
        }
        apply(details, now);
    }

    private void apply(Details details, Instant now) {
        if (type != OrganizationType.JOINT_BRANCH && !details.partners().isEmpty()) {
            throw new RuleViolationException("partners", "org.partners.only-joint-branch");
        }
        this.name = details.name();
        this.code = details.code();
        this.address = details.address();
        this.contact = details.contact();
        this.secretary = details.secretary();
        this.partners.clear();
        this.partners.addAll(details.partners());
        this.updatedAt = now;
    }

    /**
     * Moves this unit under another. Refuses itself, its descendants and parents of the wrong type.
     *
     * @return the path this unit had, which its descendants' paths still start with
     */
    String moveUnder(Organization newParent, Instant now) {
        if (newParent == null) {
            throw new RuleViolationException("parentId", "org.move.no-parent");
        }
        if (isAncestorOrSelfOf(newParent)) {
            throw new RuleViolationException("parentId", "org.move.cycle");
        }
        requireFits(type, newParent);
        String oldPath = path;
        this.parentId = newParent.id;
        this.path = newParent.path + id + "/";
        this.depth = newParent.depth + 1;
        this.updatedAt = now;
        return oldPath;
    }

    public boolean isAncestorOrSelfOf(Organization other) {
        return other.path.startsWith(path);
    }

    /** The ids from the root down to this unit, as the path lists them. */
    public List<Long> pathIds() {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.valueOf(part));
            }
        }
        return ids;
    }

    private static void requireFits(OrganizationType type, Organization parent) {
        if (!type.mayBeUnder(parent == null ? null : parent.type)) {
            throw new RuleViolationException(parent == null ? "type" : "parentId", "org.parent.type-mismatch");
        }
    }

    public Long getId() {
        return id;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }

    public OrganizationType getType() {
        return type;
    }

    public String getName() {
        return name;
    }

    public String getCode() {
        return code;
    }

    public String getAddress() {
        return address;
    }

    public String getContact() {
        return contact;
    }

    public String getSecretary() {
        return secretary;
    }

    public List<PartnerUnit> getPartners() {
        return List.copyOf(partners);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
