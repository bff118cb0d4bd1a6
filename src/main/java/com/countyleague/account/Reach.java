package com.countyleague.account;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.countyleague.web.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one rule of reach: staff (county admin, organisation admin, branch secretary) reach the
 * subtree of the organisation their account is bound to, the county admin the whole county. Every
 * service asks here whether the caller may touch an organisation or an object that belongs to one
 * — a person, group, activity, post, campaign, reward or redemption, whatever field of the request
 * carried its id. The owning module tells which organisation an object belongs to through
 * {@link ReachableObjects}. A refusal is logged and changes nothing: 404 for people (whether
 * someone is in the ledger must not leak), 403 for the rest.
 */
@Component
public class Reach {

    private static final Logger log = LoggerFactory.getLogger(Reach.class);

    /** The kinds of object whose ids arrive in requests and belong to an organisation. */
    public enum Target {
        PERSON, GROUP, ACTIVITY, POST, CAMPAIGN, REWARD, REDEMPTION, VENUE, ISSUE, LIAISON_POINT, CALL_OUT
    }

    private final Actors actors;
    private final OrganizationDirectory organizations;
    private final Map<Target, ReachableObjects> owners = new EnumMap<>(Target.class);

    Reach(Actors actors, OrganizationDirectory organizations, List<ReachableObjects> owners) {
        this.actors = actors;
        this.organizations = organizations;
        owners.forEach(o -> this.owners.put(o.target(), o));
    }

    /** Whether the caller is staff whose reach covers this organisation (an unknown one is reached by nobody). */
    public boolean organization(long organizationId) {
        // members and group leaders reach no subtree: spared the lookup
        return actors.current().scopePrefix() != null && organizations.find(organizationId).map(o -> covers(o.path())).orElse(false);
    }

    /**
     * Whether the caller is staff whose reach covers the organisation at this path: for records that
     * come loaded with their organisation. Nobody signed in reaches nothing.
     */
    public boolean covers(String organizationPath) {
        Actor actor = actors.currentOrNull();
        return actor != null && actor.covers(organizationPath);
    }

    /**
     * Whether the caller decides what the unit at this path records after the fact (back-filled
     * hours, shifts confirmed late): staff whose reach covers the unit above it, so never the unit's
     * own staff; for the county itself, the county admin.
     */
    public boolean coversUnitAbove(String organizationPath) {
        String above = organizationPath.substring(0, organizationPath.lastIndexOf('/', organizationPath.length() - 2) + 1);
        return covers(above);
    }

    /** {@link #coversUnitAbove(String)} of an organisation by its id; an unknown one is covered by nobody. */
    public boolean coversUnitAbove(long organizationId) {
        return organizations.find(organizationId).map(o -> coversUnitAbove(o.path())).orElse(false);
    }

    /** Refuses (403) an organisation outside the caller's reach, and one that does not exist (404). */
    public void requireOrganization(long organizationId) {
        OrganizationDirectory.OrganizationRef organization = organizations.find(organizationId)
                .orElseThrow(() -> new NotFoundException("organization", organizationId));
        requireReach(covers(organization.path()), "organization", organizationId, false);
    }

    /**
     * The unit a staff page is about: the one asked for, refused unless reached, or else the top of
     * the caller's own reach (the county committee for the county admin). Refused (403) for callers
     * who reach no subtree.
     */
    public OrganizationDirectory.OrganizationRef unit(Long organizationId) {
        Actor actor = actors.current();
        if (actor.scopePrefix() == null) {
            throw new AccessDeniedException(actor.username() + " reaches no organisation");
        }
        if (organizationId != null) {
            requireOrganization(organizationId);
            return organizations.find(organizationId).orElseThrow();
        }
        Optional<OrganizationDirectory.OrganizationRef> own = actor.isCountyAdmin()
                ? organizations.root() : organizations.find(actor.organizationId());
        return own.orElseThrow(() -> new NotFoundException("organization", actor.organizationId()));
    }

    /** Whether the caller is staff whose reach covers the organisation this object belongs to. */
    public boolean reaches(Target target, long id) {
        return organizationOf(target, id).map(this::organization).orElse(false);
    }

    /**
     * Refuses an object outside the caller's reach: a person with 404 (as if absent), anything else
     * with 403; an object that does not exist with 404.
     */
    public void require(Target target, long id) {
        Optional<Long> organization = organizationOf(target, id);
        if (organization.isEmpty()) {
            throw new NotFoundException(target.name().toLowerCase(), id);
        }
        requireReach(organization(organization.get()), target.name().toLowerCase(), id, target == Target.PERSON);
    }

    private Optional<Long> organizationOf(Target target, long id) {
        ReachableObjects owner = owners.get(target);
        if (owner == null) {
            throw new IllegalStateException("No module tells the organisation of a " + target);
        }
        return owner.organizationOf(id);
    }

    /**
     * The one place a refusal is made. A 403 is logged by the application's access-denied handler
     * with its address; a refusal answered as absent never reaches it, so it is logged here.
     */
    private void requireReach(boolean reached, String what, long id, boolean asAbsent) {
        if (!reached) {
            String refusal = what + " " + id + " is outside the reach of " + actors.current().username();
            if (asAbsent) {
                log.warn("Refused as absent: {}", refusal);
                throw new NotFoundException(what, id);
            }
            throw new AccessDeniedException(refusal);
        }
    }
}
