package com.countyleague.points;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RewardItemRepository extends JpaRepository<RewardItem, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.REWARD;
    }

    /** A reward belongs to the organisation that provides it. */
    @Override
    @Query("select i.providerOrgId from RewardItem i where i.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    /** The item, locked: its stock is taken one redemption at a time, so it never goes below zero. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from RewardItem i where i.id = :id")
    Optional<RewardItem> lock(@Param("id") long id);

    List<RewardItem> findByPublishedTrueOrderByCostAscIdAsc();

    @Query("select i from RewardItem i where :all = true or i.providerOrgId in :orgs order by i.published desc, i.id desc")
    List<RewardItem> within(@Param("all") boolean all, @Param("orgs") Collection<Long> orgs);

    List<RewardItem> findByIdIn(Collection<Long> ids);
}
