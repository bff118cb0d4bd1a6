package com.countyleague.recruitment;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.repository.query.Param;
import org.springframework.data.jpa.repository.Query;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.CAMPAIGN;
    }

    /** A campaign belongs to its host organisation. */
    @Override
    @Query("select c.hostOrgId from Campaign c where c.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    @EntityGraph(attributePaths = {"targets", "channels"})
    Optional<Campaign> findByCode(String code);

    @EntityGraph(attributePaths = {"targets", "channels"})
    Optional<Campaign> findWithDetailsById(Long id);

    boolean existsByCode(String code);

    List<Campaign> findByHostOrgIdInOrderByOpensOnDesc(Collection<Long> hostOrgIds);

    List<Campaign> findAllByOrderByOpensOnDesc();
}
