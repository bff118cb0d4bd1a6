package com.countyleague.org;

import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Role;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the organisation tree. Everyone who reads it must reach the unit (the county admin
 * reaches all; an org admin or secretary their own subtree). County and org admins shape the tree;
 * secretaries keep the details of the units in their reach.
 */
@Service
public class Organizations {

    private static final Comparator<Organization> SIBLING_ORDER =
            Comparator.comparing(Organization::getType).thenComparing(Organization::getCode);

    private final OrganizationRepository organizations;
    private final CompoundRepository compounds;
    private final BuildingRepository buildings;
    private final Actors actors;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, CompoundRepository compounds, BuildingRepository buildings,
                  Actors actors, Clock clock) {
        this.organizations = organizations;
        this.compounds = compounds;
        this.buildings = buildings;
        this.actors = actors;
        this.clock = clock;
    }

    /**
     * A unit in the tree view: how many units lie below it (building groups aside), whether it has
     * any, and its children when they are shown ({@code null} when they are loaded on opening).
     */
    public record TreeNode(Organization organization, int descendants, boolean hasChildren, List<TreeNode> children) {
    }

    public record Search(Long under, String text, OrganizationType type) {
    }

    public record Row(Organization organization, String parentName) {
    }

    public record Draft(Long parentId, OrganizationType type, Organization.Details details) {
    }

    /**
     * The caller's part of the tree as a page first shows it: their top unit and its children, and the
     * way down to the selected unit opened. Other branches of the tree load when opened
     * ({@link #treeChildren}): a county has hundreds of branches and thousands of building groups,
     * which the tree leaves to each branch's own page.
     */
    @Transactional(readOnly = true)
    public List<TreeNode> tree(Long selected) {
        Actor actor = requireReader();
        List<Organization> tops = actor.isCountyAdmin() ? organizations.findByParentIdIsNull()
                : organizations.findById(actor.organizationId()).map(List::of).orElse(List.of());
        Set<Long> open = new HashSet<>();
        tops.forEach(top -> open.add(top.getId()));
        if (selected != null) {
            organizations.findById(selected).filter(unit -> actor.covers(unit.getPath()))
                    .ifPresent(unit -> open.addAll(unit.pathIds()));
        }
        return nodes(tops, open);
    }

    /** The children of one unit in the tree, when it is opened. */
    @Transactional(readOnly = true)
    public List<TreeNode> treeChildren(long parentId) {
        readable(requireReader(), parentId);
        return nodes(organizations.findChildrenAboveGroups(parentId), Set.of());
    }

    private List<TreeNode> nodes(List<Organization> units, Set<Long> open) {
        if (units.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : organizations.countDescendantsAboveGroups(units.stream().map(Organization::getId).toList())) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return units.stream().sorted(SIBLING_ORDER).map(unit -> {
            int descendants = counts.getOrDefault(unit.getId(), 0L).intValue();
            List<TreeNode> children = open.contains(unit.getId()) && descendants > 0
                    ? nodes(organizations.findChildrenAboveGroups(unit.getId()), open) : null;
            return new TreeNode(unit, descendants, descendants > 0, children);
        }).toList();
    }

    /** Units in a subtree (the caller's whole reach by default) matching name or code and type. */
    @Transactional(readOnly = true)
    public Page<Row> search(Search search, Pageable pageable) {
        Actor actor = requireReader();
        String prefix = search.under() == null ? actor.scopePrefix() : readable(actor, search.under()).getPath();
        String text = search.text() == null || search.text().isBlank() ? null
                : "%" + search.text().trim().toLowerCase(Locale.ROOT) + "%";
        Page<Organization> page = organizations.search(prefix, text, search.type(), pageable);
        Map<Long, String> parentNames = namesWithinReach(actor, page.map(Organization::getParentId).getContent());
        return page.map(o -> new Row(o, parentNames.get(o.getParentId())));
    }

    /** One unit, with its partner units, if the caller reaches it. */
    @Transactional(readOnly = true)
    public Organization get(long id) {
        Actor actor = requireReader();
        Organization unit = organizations.findWithPartnersById(id).orElseThrow(() -> new NotFoundException("organization", id));
        actor.requireCovers(unit.getPath());
        return unit;
    }

    /** The units from the root down to this one, for a breadcrumb; only those the caller reaches. */
    @Transactional(readOnly = true)
    public List<Organization> ancestry(long id) {
        Actor actor = requireReader();
        Organization unit = readable(actor, id);
        Map<Long, Organization> found = organizations.findAllByIds(unit.pathIds()).stream()
                .collect(Collectors.toMap(Organization::getId, Function.identity()));
        return unit.pathIds().stream().map(found::get).filter(Objects::nonNull)
                .filter(o -> actor.covers(o.getPath())).toList();
    }

    @Transactional(readOnly = true)
    public List<Organization> children(long id) {
        readable(requireReader(), id);
        return organizations.findByParentIdOrderByCode(id);
    }

    /** Whether the caller may change the details of this unit. */
    @Transactional(readOnly = true)
    public boolean mayEdit(Organization unit) {
        Actor actor = actors.current();
        return actor.isStaff() && actor.covers(unit.getPath());
    }

    /** Whether the caller may add, move or remove units here (the county and org admins). */
    @Transactional(readOnly = true)
    public boolean mayShape(Organization unit) {
        Actor actor = actors.current();
        return actor.isAdmin() && actor.covers(unit.getPath())
                && (actor.isCountyAdmin() || !Objects.equals(actor.organizationId(), unit.getId()));
    }

    /** Whether the caller may add units at all (for the toolbar). */
    public boolean mayAdd() {
        return actors.current().isAdmin();
    }

    /** Whether the county still needs its root (团县委): only the county admin may create it. */
    @Transactional(readOnly = true)
    public boolean rootMissing() {
        return !organizations.existsByParentIdIsNull();
    }

    /** The units in the caller's reach, building groups aside, in tree order: hosts of groups, campaigns and the like. */
    @Transactional(readOnly = true)
    public List<Organization> inReach() {
        Actor actor = requireReader();
        return organizations.findSubtree(actor.scopePrefix()).stream().filter(o -> o.getType() != OrganizationType.GROUP).toList();
    }

    /** Units a unit of this type may be placed under, within the caller's reach; excludes {@code moving}'s subtree. */
    @Transactional(readOnly = true)
    public List<Organization> parentCandidates(OrganizationType type, Long moving) {
        Actor actor = requireShaper();
        Organization movingUnit = moving == null ? null : organizations.findById(moving).orElse(null);
        return organizations.findSubtree(actor.scopePrefix()).stream()
                .filter(o -> type == null || type.mayBeUnder(o.getType()))
                .filter(o -> movingUnit == null || !movingUnit.isAncestorOrSelfOf(o))
                .toList();
    }

    @Transactional
    public long create(Draft draft) {
        Actor actor = requireShaper();
        organizations.lockTree();
        Organization parent = null;
        if (draft.parentId() == null) {
            actor.requireRole(Role.COUNTY_ADMIN);
            if (organizations.existsByParentIdIsNull()) {
                throw new RuleViolationException("parentId", "org.parent.required");
            }
        } else {
            parent = organizations.findById(draft.parentId())
                    .orElseThrow(() -> new RuleViolationException("parentId", "org.parent.required"));
            actor.requireCovers(parent.getPath());
        }
        Organization.Details details = normalized(draft.details());
        requireFreeCode(details.code(), null);
        Organization unit = new Organization(organizations.nextId(), parent, draft.type(), details, clock.instant());
        return organizations.save(unit).getId();
    }

    @Transactional
    public void update(long id, Draft draft) {
        Actor actor = actors.current();
        Organization unit = readable(actor, id);
        if (!mayEdit(unit)) {
            throw new AccessDeniedException("May not edit organisation " + id);
        }
        if (draft.type() != unit.getType() && !mayShape(unit)) {
            throw new AccessDeniedException("May not change the type of organisation " + id);
        }
        Organization.Details details = normalized(draft.details());
        requireFreeCode(details.code(), id);
        Organization parent = unit.getParentId() == null ? null : organizations.findById(unit.getParentId()).orElseThrow();
        boolean childrenMisfit = draft.type() != unit.getType() && organizations.findByParentIdOrderByCode(id).stream()
                .anyMatch(child -> !child.getType().mayBeUnder(draft.type()));
        unit.update(draft.type(), details, parent, childrenMisfit, clock.instant());
    }

    @Transactional
    public void move(long id, Long newParentId) {
        Actor actor = requireShaper();
        if (newParentId == null) {
            throw new RuleViolationException("parentId", "org.move.no-parent");
        }
        organizations.lockTree();
        Organization unit = readable(actor, id);
        if (!mayShape(unit)) {
            throw new AccessDeniedException("May not move organisation " + id);
        }
        Organization newParent = organizations.findById(newParentId)
                .orElseThrow(() -> new RuleViolationException("parentId", "org.parent.required"));
        actor.requireCovers(newParent.getPath());
        int oldDepth = unit.getDepth();
        String oldPath = unit.moveUnder(newParent, clock.instant());
        organizations.rewriteDescendantPaths(oldPath, unit.getPath(), unit.getDepth() - oldDepth);
    }

    /** Removes empty units: no units below, no compounds, nothing else that refers to them. */
    @Transactional
    public int delete(Collection<Long> ids) {
        Actor actor = requireShaper();
        organizations.lockTree();
        List<Long> distinct = ids.stream().distinct().toList();
        for (Long id : distinct) {
            Organization unit = readable(actor, id);
            if (!mayShape(unit)) {
                throw new AccessDeniedException("May not delete organisation " + id);
            }
            if (organizations.existsByParentId(id) || compounds.existsByBranchId(id) || buildings.existsByGroupId(id)) {
                throw RuleViolationException.of("org.delete.not-empty", unit.getName());
            }
            organizations.delete(unit);
        }
        organizations.flush();
        return distinct.size();
    }

    /** Internal to the module: a building group created with its building. */
    Organization createGroup(Organization branch, String name) {
        int n = 1;
        String code;
        do {
            code = branch.getCode() + "-" + String.format(Locale.ROOT, "%02d", n++);
        } while (organizations.existsByCode(code));
        Organization group = new Organization(organizations.nextId(), branch, OrganizationType.GROUP,
                new Organization.Details(name, code, null, null, null, List.of()), clock.instant());
        return organizations.save(group);
    }

    Organization readable(Actor actor, long id) {
        Organization unit = organizations.findById(id).orElseThrow(() -> new NotFoundException("organization", id));
        actor.requireCovers(unit.getPath());
        return unit;
    }

    Actor requireReader() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }

    private Actor requireShaper() {
        Actor actor = actors.current();
        actor.requireAdmin();
        return actor;
    }

    private void requireFreeCode(String code, Long self) {
        organizations.findByCode(code).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new RuleViolationException("code", "org.code.taken");
        });
    }

    /** Names of the units the caller reaches; a unit above their reach stays unnamed. */
    private Map<Long, String> namesWithinReach(Actor actor, Collection<Long> ids) {
        List<Long> present = ids.stream().filter(Objects::nonNull).distinct().toList();
        return organizations.findAllByIds(present).stream().filter(o -> actor.covers(o.getPath()))
                .collect(Collectors.toMap(Organization::getId, Organization::getName));
    }

    private static Organization.Details normalized(Organization.Details details) {
        return new Organization.Details(details.name().trim(), details.code().trim().toUpperCase(Locale.ROOT),
                blankToNull(details.address()), blankToNull(details.contact()), blankToNull(details.secretary()),
                details.partners());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
