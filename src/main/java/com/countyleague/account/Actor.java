package com.countyleague.account;

import java.util.Arrays;

import com.countyleague.web.NoPersonException;

import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in caller of a use case. Services ask it two questions before touching data: does the
 * caller hold one of these roles, and does their reach cover this organisation (by materialised path)?
 *
 * @param scopePath the path of the organisation that bounds the reach of an organisation-scoped role
 *                  ({@code /1/5/}), or {@code null} for the other roles
 * @param personId the caller's own record in the ledgers, or {@code null} for staff accounts without one
 */
public record Actor(long accountId, String username, String displayName, Role role,
                    Long organizationId, String scopePath, Long personId) {

    /** Path prefix matching every organisation the caller reaches; {@code "/"} is the whole county. */
    public static final String WHOLE_COUNTY = "/";

    public boolean is(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    public boolean isCountyAdmin() {
        return role == Role.COUNTY_ADMIN;
    }

    /** See {@link Role#isStaff()}. */
    public boolean isStaff() {
        return role.isStaff();
    }

    /** See {@link Role#isAdmin()}. */
    public boolean isAdmin() {
        return role.isAdmin();
    }

    /** Whether the organisation at this path lies within the caller's reach. */
    public boolean covers(String organizationPath) {
        String prefix = scopePrefix();
        return prefix != null && organizationPath != null && organizationPath.startsWith(prefix);
    }

    /**
     * The path prefix of everything the caller reaches in the organisation tree ({@code "/"} for the
     * county admin), or {@code null} for roles that reach no organisation subtree.
     */
    public String scopePrefix() {
        if (isCountyAdmin()) {
            return WHOLE_COUNTY;
        }
        return role.isOrganizationScoped() ? scopePath : null;
    }

    /**
     * The caller's own person in the ledgers, for what members do for themselves; an account without
     * one (a staff account) is told so, in words it can act on.
     */
    public long requirePerson() {
        if (personId == null) {
            throw new NoPersonException();
        }
        return personId;
    }

    public void requireRole(Role... roles) {
        if (!is(roles)) {
            throw new AccessDeniedException("Role " + role + " may not do this");
        }
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw new AccessDeniedException("Role " + role + " is not staff");
        }
    }

    public void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDeniedException("Role " + role + " is not an admin");
        }
    }

    public void requireCovers(String organizationPath) {
        if (!covers(organizationPath)) {
            throw new AccessDeniedException("Organisation " + organizationPath + " is outside the reach of " + username);
        }
    }
}
