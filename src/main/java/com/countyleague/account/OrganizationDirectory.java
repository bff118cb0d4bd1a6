package com.countyleague.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What accounts need to know about the organisation tree: provided by the organisation module, so
 * that accounts can be bound to organisations without this module depending on it.
 */
public interface OrganizationDirectory {

    Optional<OrganizationRef> find(long organizationId);

    Optional<OrganizationRef> findByCode(String code);

    /** The county committee at the root of the tree (absent before the tree is set up). */
    Optional<OrganizationRef> root();

    List<OrganizationRef> findAll(Collection<Long> organizationIds);

    /** The units directly below one, by code. */
    List<OrganizationRef> children(long organizationId);

    /** Every organisation whose path starts with the prefix, in tree order. */
    List<OrganizationRef> within(String pathPrefix);

    record OrganizationRef(long id, String name, String code, String path, int depth) {
    }
}
