package com.countyleague.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.countyleague.web.ByIdsRepository;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrganizationRepository extends ByIdsRepository<Organization> {

    @Query(value = "select nextval('organization_id_seq')", nativeQuery = true)
    long nextId();

    Optional<Organization> findByCode(String code);

    /** One unit with its partner units, for its own page and form. */
    @EntityGraph(attributePaths = "partners")
    Optional<Organization> findWithPartnersById(Long id);

    boolean existsByCode(String code);

    boolean existsByParentIdIsNull();

    /** A unit and everything below it, in tree order: one range scan on the path index. */
    @Query("select o from Organization o where o.path like concat(:prefix, '%') order by o.path")
    List<Organization> findSubtree(@Param("prefix") String prefix);

    List<Organization> findByParentIdIsNull();

    /** A unit's children as the tree shows them: building groups are listed on their branch's page. */
    @Query("select o from Organization o where o.parentId = :parentId and o.type <> 'GROUP'")
    List<Organization> findChildrenAboveGroups(@Param("parentId") long parentId);

    /** For each unit, how many units lie below it, building groups aside: one range scan each. */
    @Query(value = """
            select o.id, count(d.id) from organization o
            left join organization d on d.path like o.path || '%' and d.id <> o.id and d.type <> 'GROUP'
            where o.id in (:ids) group by o.id""", nativeQuery = true)
    List<Object[]> countDescendantsAboveGroups(@Param("ids") Collection<Long> ids);

    @Query("select o.id from Organization o where o.path like concat(:prefix, '%')")
    List<Long> findSubtreeIds(@Param("prefix") String prefix);

    @Query("select o.id from Organization o where o.path like concat(:prefix, '%') and o.type in ('BRANCH', 'JOINT_BRANCH')")
    List<Long> findBranchIdsWithin(@Param("prefix") String prefix);

    @Query("""
            select o from Organization o
            where o.path like concat(:prefix, '%')
              and (:text is null or lower(o.name) like :text or lower(o.code) like :text)
              and (:type is null or o.type = :type)
            """)
    Page<Organization> search(@Param("prefix") String prefix, @Param("text") String text,
                              @Param("type") OrganizationType type, Pageable pageable);

    List<Organization> findByParentIdOrderByCode(Long parentId);

    boolean existsByParentId(Long parentId);

    /** Rewrites the paths below a moved unit: the old prefix becomes the new one. */
    @Modifying
    @Query(value = """
            update organization
            set path = :newPrefix || substr(path, length(:oldPrefix) + 1),
                depth = depth + :depthChange,
                version = version + 1
            where path like :oldPrefix || '%' and path <> :oldPrefix
            """, nativeQuery = true)
    int rewriteDescendantPaths(@Param("oldPrefix") String oldPrefix, @Param("newPrefix") String newPrefix,
                               @Param("depthChange") int depthChange);

    /** Tree changes one at a time, so two concurrent moves can never build a cycle together. */
    @Query(value = "select pg_advisory_xact_lock(7305917340211)::text", nativeQuery = true)
    String lockTree();
}
