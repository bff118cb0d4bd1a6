package com.countyleague.org;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compounds (小区) and buildings (楼栋) of a community branch. Each new building gets its building
 * group (团小组) in the branch, so that every building has someone who contacts its youth.
 */
@Service
public class Residences {

    static final int MAX_BUILDING_NAME = 50;

    private final CompoundRepository compounds;
    private final BuildingRepository buildings;
    private final Organizations organizations;
    private final Clock clock;

    Residences(CompoundRepository compounds, BuildingRepository buildings, Organizations organizations, Clock clock) {
        this.compounds = compounds;
        this.buildings = buildings;
        this.organizations = organizations;
        this.clock = clock;
    }

    public record CompoundWithBuildings(Compound compound, List<Building> buildings) {
    }

    @Transactional(readOnly = true)
    public List<CompoundWithBuildings> of(long branchId) {
        organizations.readable(organizations.requireReader(), branchId);
        List<Compound> found = compounds.findByBranchIdOrderByName(branchId);
        Map<Long, List<Building>> byCompound = found.isEmpty() ? Map.of()
                : buildings.findByCompounds(found.stream().map(Compound::getId).toList()).stream()
                        .collect(Collectors.groupingBy(Building::getCompoundId));
        return found.stream().map(c -> new CompoundWithBuildings(c, byCompound.getOrDefault(c.getId(), List.of()))).toList();
    }

    @Transactional
    public long addCompound(long branchId, String name, String address) {
        Organization branch = editable(branchId);
        return createCompound(branch, name.trim(), address == null || address.isBlank() ? null : address.trim()).getId();
    }

    /** Records where a compound lies (or clears it), for the walking-distance coverage of Youth Homes. */
    @Transactional
    public void locate(long compoundId, Position position) {
        Compound compound = compounds.findById(compoundId).orElseThrow(() -> new NotFoundException("compound", compoundId));
        editable(compound.getBranchId());
        compound.locate(position);
    }

    @Transactional
    public long addBuilding(long compoundId, String name) {
        if (name == null || name.isBlank() || name.trim().length() > MAX_BUILDING_NAME) {
            throw new RuleViolationException("name", "org.building.name-invalid", MAX_BUILDING_NAME);
        }
        Compound compound = compounds.findById(compoundId).orElseThrow(() -> new NotFoundException("compound", compoundId));
        Organization branch = editable(compound.getBranchId());
        return createBuilding(branch, compound, name.trim()).getId();
    }

    Compound createCompound(Organization branch, String name, String address) {
        if (compounds.existsByBranchIdAndName(branch.getId(), name)) {
            throw new RuleViolationException("name", "org.compound.name-taken");
        }
        return compounds.save(new Compound(branch, name, address, clock.instant()));
    }

    Building createBuilding(Organization branch, Compound compound, String name) {
        if (buildings.existsInCompound(compound.getId(), name)) {
            throw new RuleViolationException("name", "org.building.name-taken");
        }
        Organization group = organizations.createGroup(branch, compound.getName() + name + "团小组");
        return buildings.save(new Building(compound, name, group, clock.instant()));
    }

    private Organization editable(long branchId) {
        Actor actor = organizations.requireReader();
        Organization branch = organizations.readable(actor, branchId);
        if (!organizations.mayEdit(branch)) {
            throw new AccessDeniedException("May not change the compounds of " + branchId);
        }
        return branch;
    }
}
