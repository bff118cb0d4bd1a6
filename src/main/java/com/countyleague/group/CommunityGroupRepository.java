package com.countyleague.group;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CommunityGroupRepository extends JpaRepository<CommunityGroup, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.GROUP;
    }

    /** A group belongs to its host organisation. */
    @Override
    @Query("select g.hostOrgId from CommunityGroup g where g.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    /** The group, locked: membership changes of one group happen one at a time, so the cap holds. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select g from CommunityGroup g where g.id = :id")
    Optional<CommunityGroup> lock(@Param("id") long id);

    @Query("""
            select g from CommunityGroup g
            where (:allHosts = true or g.hostOrgId in :hosts)
              and (:kind is null or g.kind = :kind)
              and (:theme is null or g.theme = :theme)
              and (:status is null or g.status = :status)
              and (:text is null or lower(g.name) like :text)
            order by g.kind, g.name
            """)
    Page<CommunityGroup> search(@Param("allHosts") boolean allHosts, @Param("hosts") Collection<Long> hosts,
                                @Param("kind") GroupKind kind, @Param("theme") PracticeTheme theme,
                                @Param("status") CommunityGroup.Status status, @Param("text") String text, Pageable pageable);

    List<CommunityGroup> findByIdIn(Collection<Long> ids);

    /** What a council's monthly compliance needs of it, read without loading the group. */
    interface CouncilRow {
        Long getId();

        String getName();

        String getKind();

        Long getHostOrgId();

        java.time.Instant getCreatedAt();
    }

    /** The active councils (青治团, 青春业委会) hosted in the subtree at this path. */
    @Query(nativeQuery = true, value = """
            select g.id, g.name, g.kind, g.host_org_id as hostOrgId, g.created_at as createdAt
            from community_group g join organization o on o.id = g.host_org_id
            where g.kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE') and g.status = 'ACTIVE' and o.path like :prefix || '%'
            order by g.name""")
    List<CouncilRow> councilsWithin(@Param("prefix") String pathPrefix);
}
