package com.countyleague.points;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RedemptionRepository extends JpaRepository<Redemption, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.REDEMPTION;
    }

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Redemption r where r.id = :id")
    Optional<Redemption> lock(@Param("id") long id);

    /** A redemption belongs to the provider of its reward, whose desk hands it over. */
    @Override
    @Query("select i.providerOrgId from Redemption r, RewardItem i where i.id = r.itemId and r.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    Optional<Redemption> findByRequestKey(String requestKey);

    Optional<Redemption> findByPickupCodeAndStatus(String pickupCode, Redemption.Status status);

    List<Redemption> findTop50ByPersonIdOrderByCreatedAtDesc(long personId);

    @Query("select count(r) from Redemption r where r.itemId = :itemId and r.personId = :personId and r.status in ('RESERVED', 'FULFILLED')")
    long heldBy(@Param("itemId") long itemId, @Param("personId") long personId);

    /** [item id, count] of what the person holds, for every item at once: the catalogue shows each item's limit. */
    @Query("select r.itemId, count(r) from Redemption r where r.personId = :personId and r.status in ('RESERVED', 'FULFILLED') group by r.itemId")
    List<Object[]> heldByItem(@Param("personId") long personId);

    @Query("select r.id from Redemption r where r.status = 'RESERVED' and r.expiresAt < :now order by r.id")
    List<Long> overdue(@Param("now") Instant now);
}
