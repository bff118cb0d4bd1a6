package com.countyleague.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the tree for other modules that keep records of units, compounds and buildings (people,
 * activities, venues): by id or by path prefix, with no reach check of their own. The calling
 * module checks its caller's reach on the records it owns, with {@code Actor.covers(path)}.
 */
@Service
public class UnitLookup {

    private final OrganizationRepository organizations;
    private final CompoundRepository compounds;
    private final BuildingRepository buildings;

    UnitLookup(OrganizationRepository organizations, CompoundRepository compounds, BuildingRepository buildings) {
        this.organizations = organizations;
        this.compounds = compounds;
        this.buildings = buildings;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> organization(long id) {
        return organizations.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<Long, Organization> organizations(Collection<Long> ids) {
        return organizations.findAllByIds(ids).stream().collect(Collectors.toMap(Organization::getId, Function.identity()));
    }

    /** Every unit of the county by its code: how the demo seeders find the units the demo tree gave them. */
    @Transactional(readOnly = true)
    public Map<String, Organization> byCode() {
        return organizations.findSubtree("/").stream().collect(Collectors.toMap(Organization::getCode, Function.identity()));
    }

    /** The county committee at the root of the tree. */
    @Transactional(readOnly = true)
    public Organization root() {
        return organizations.findByParentIdIsNull().get(0);
    }

    /** A unit and everything below it, in tree order. */
    @Transactional(readOnly = true)
    public List<Organization> subtree(String pathPrefix) {
        return organizations.findSubtree(pathPrefix);
    }

    @Transactional(readOnly = true)
    public List<Long> subtreeIds(String pathPrefix) {
        return organizations.findSubtreeIds(pathPrefix);
    }

    /** The branches and joint branches in a subtree: where people, who belong to branches only, can be. */
    @Transactional(readOnly = true)
    public List<Long> branchIdsWithin(String pathPrefix) {
        return organizations.findBranchIdsWithin(pathPrefix);
    }

    /** Every branch and joint branch of the county, in tree order: where a person may be transferred. */
    @Transactional(readOnly = true)
    public List<Organization> branches() {
        return branchesWithin("/");
    }

    /** The branches and joint branches of a subtree, in tree order. */
    @Transactional(readOnly = true)
    public List<Organization> branchesWithin(String pathPrefix) {
        return organizations.findSubtree(pathPrefix).stream().filter(o -> o.getType().isBranch()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Compound> compound(long id) {
        return compounds.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<Long, Compound> compounds(Collection<Long> ids) {
        return compounds.findAllById(ids).stream().collect(Collectors.toMap(Compound::getId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public List<Compound> compoundsOf(long branchId) {
        return compounds.findByBranchIdOrderByName(branchId);
    }

    /** Compounds of every branch in a subtree, for imports that name them. */
    @Transactional(readOnly = true)
    public List<Compound> compoundsWithin(Collection<Long> branchIds) {
        return branchIds.isEmpty() ? List.of() : compounds.findByBranchIdIn(branchIds);
    }

    @Transactional(readOnly = true)
    public Optional<Building> building(long id) {
        return buildings.findById(id);
    }

    @Transactional(readOnly = true)
    public Map<Long, Building> buildings(Collection<Long> ids) {
        return buildings.findAllById(ids).stream().collect(Collectors.toMap(Building::getId, Function.identity()));
    }

    @Transactional(readOnly = true)
    public List<Building> buildingsOf(Collection<Long> compoundIds) {
        return compoundIds.isEmpty() ? List.of() : buildings.findByCompounds(compoundIds);
    }

    /** The building a building group (团小组) looks after. */
    @Transactional(readOnly = true)
    public Optional<Building> buildingOfGroup(long groupId) {
        return buildings.findByGroupId(groupId);
    }
}
