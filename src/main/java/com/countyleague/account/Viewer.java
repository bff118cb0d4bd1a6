package com.countyleague.account;

import com.countyleague.account.OrganizationDirectory.OrganizationRef;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the caller's role shows on screens, for templates ({@code ${@viewer.staff()}}): which menu items
 * and buttons appear. Only what is shown — the services decide every right. Templates ask this bean
 * rather than evaluating security expressions, which cost a page a tenth of its rendering time.
 */
@Component("viewer")
public class Viewer {

    private final OrganizationDirectory organizations;

    Viewer(OrganizationDirectory organizations) {
        this.organizations = organizations;
    }

    /** The name of the unit whose subtree the caller reaches, for the top bar; null for the county admin (all of it) and members. */
    public String reachName() {
        AccountPrincipal principal = principal();
        if (principal == null || principal.organizationId() == null || principal.role() == Role.MEMBER) {
            return null;
        }
        return organizations.find(principal.organizationId()).map(OrganizationRef::name).orElse(null);
    }

    public boolean signedIn() {
        return role() != null;
    }

    public boolean member() {
        return role() == Role.MEMBER;
    }

    public boolean staff() {
        Role role = role();
        return role != null && role.isStaff();
    }

    public boolean admin() {
        Role role = role();
        return role != null && role.isAdmin();
    }

    public boolean countyAdmin() {
        return role() == Role.COUNTY_ADMIN;
    }

    public boolean groupLeader() {
        return role() == Role.GROUP_LEADER;
    }

    /** Whether the account belongs to a person of the ledgers: only then are the member's own pages theirs. */
    public boolean hasPerson() {
        AccountPrincipal principal = principal();
        return principal != null && principal.personId() != null;
    }

    /** The signed-in caller's role, or null on public pages. */
    private static Role role() {
        AccountPrincipal principal = principal();
        return principal == null ? null : principal.role();
    }

    private static AccountPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal ? principal : null;
    }
}
