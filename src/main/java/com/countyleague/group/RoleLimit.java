package com.countyleague.group;

import java.io.Serializable;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** How many members of a kind of group may hold a core role; {@code null} for any number, 0 for none. */
@Entity
@Table(name = "group_role_limit")
public class RoleLimit {

    @Embeddable
    public record Key(@Enumerated(EnumType.STRING) GroupKind kind, @Enumerated(EnumType.STRING) GroupRole role)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private Integer maxHolders;

    protected RoleLimit() {
    }

    public GroupKind getKind() {
        return key.kind();
    }

    public GroupRole getRole() {
        return key.role();
    }

    public Integer getMaxHolders() {
        return maxHolders;
    }

    void setMaxHolders(Integer maxHolders) {
        this.maxHolders = maxHolders;
    }

    /** Whether one more holder is allowed beside the current ones. */
    boolean allowsOneMore(long holders) {
        return maxHolders == null || holders < maxHolders;
    }
}
