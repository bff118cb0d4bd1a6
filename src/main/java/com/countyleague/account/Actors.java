package com.countyleague.account;

import java.util.function.Supplier;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Resolves the signed-in caller. The reach (organisation path) is read afresh for each request, so a
 * moved organisation moves its secretaries' reach with it; within one request it is read once.
 */
@Component
public class Actors {

    private static final String CACHE = Actors.class.getName() + ".current";

    private final OrganizationDirectory organizations;

    Actors(OrganizationDirectory organizations) {
        this.organizations = organizations;
    }

    public Actor current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        AccountPrincipal principal = principal();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Actor cached
                && cached.accountId() == principal.accountId()) {
            return cached;
        }
        Actor actor = toActor(principal);
        if (request != null) {
            request.setAttribute(CACHE, actor, RequestAttributes.SCOPE_REQUEST);
        }
        return actor;
    }

    /**
     * Runs work as the application itself, with the county admin's reach: for what no user asks for
     * (demo data, scheduled work), so that it goes through the same services and rules.
     */
    public <T> T asSystem(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        AccountPrincipal system = AccountPrincipal.system();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** {@link #asSystem(Supplier)} for work that answers nothing. */
    public void asSystem(Runnable work) {
        asSystem(() -> {
            work.run();
            return null;
        });
    }

    /** The caller, or {@code null} when nobody is signed in (public pages, sign-in). */
    public Actor currentOrNull() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountPrincipal ? current() : null;
    }

    private Actor toActor(AccountPrincipal principal) {
        // only roles whose reach is a subtree need its path: members' pages are spared the lookup
        String path = principal.organizationId() == null || !principal.role().isOrganizationScoped() ? null
                : organizations.find(principal.organizationId()).map(OrganizationDirectory.OrganizationRef::path).orElse(null);
        return new Actor(principal.accountId(), principal.getUsername(), principal.getDisplayName(), principal.role(),
                principal.organizationId(), path, principal.personId());
    }

    private static AccountPrincipal principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            throw new AuthenticationCredentialsNotFoundException("Nobody is signed in");
        }
        return principal;
    }
}
