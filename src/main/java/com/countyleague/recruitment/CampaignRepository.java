package com.countyleague.recruitment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, Long> {

    @EntityGraph(attributePaths = {"targets", "channels"})
    Optional<Campaign> findByCode(String code);

    @EntityGraph(attributePaths = {"targets", "channels"})
    Optional<Campaign> findWithDetailsById(Long id);

    boolean existsByCode(String code);

    List<Campaign> findByHostOrgIdInOrderByOpensOnDesc(Collection<Long> hostOrgIds);

    List<Campaign> findAllByOrderByOpensOnDesc();
}
