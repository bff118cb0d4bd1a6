package com.countyleague.recruitment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    /** The application, locked: a review is decided once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id")
    Optional<Application> lock(@Param("id") long id);

    List<Application> findTop200ByStatusOrderBySubmittedAtAsc(Application.Status status);

    boolean existsByCampaignIdAndIdNumberHash(Long campaignId, String idNumberHash);

    List<Application> findByCampaignIdOrderBySubmittedAtDesc(Long campaignId);

    List<Application> findByGroupIdAndStatusOrderBySubmittedAtAsc(Long groupId, Application.Status status);

    List<Application> findByGroupIdInAndStatusOrderBySubmittedAtAsc(Collection<Long> groupIds, Application.Status status);
}
