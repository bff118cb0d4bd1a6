package com.countyleague.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.countyleague.account.OrganizationDirectory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the account module what it needs about units, without handing out the entities. */
@Component
class OrganizationDirectoryAdapter implements OrganizationDirectory {

    private final OrganizationRepository organizations;

    OrganizationDirectoryAdapter(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationRef> find(long organizationId) {
        return organizations.findById(organizationId).map(OrganizationDirectoryAdapter::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationRef> findByCode(String code) {
        return organizations.findByCode(code).map(OrganizationDirectoryAdapter::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<OrganizationRef> root() {
        return organizations.findByParentIdIsNull().stream().findFirst().map(OrganizationDirectoryAdapter::ref);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationRef> findAll(Collection<Long> organizationIds) {
        return organizations.findAllByIds(organizationIds).stream().map(OrganizationDirectoryAdapter::ref).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationRef> children(long organizationId) {
        return organizations.findByParentIdOrderByCode(organizationId).stream().map(OrganizationDirectoryAdapter::ref).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrganizationRef> within(String pathPrefix) {
        return organizations.findSubtree(pathPrefix).stream().map(OrganizationDirectoryAdapter::ref).toList();
    }

    private static OrganizationRef ref(Organization o) {
        return new OrganizationRef(o.getId(), o.getName(), o.getCode(), o.getPath(), o.getDepth());
    }
}
