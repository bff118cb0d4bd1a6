package com.countyleague.recruitment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    boolean existsByCampaignIdAndIdNumberHash(Long campaignId, String idNumberHash);

    List<Application> findByCampaignIdOrderBySubmittedAtDesc(Long campaignId);

    List<Application> findByGroupIdAndStatusOrderBySubmittedAtAsc(Long groupId, Application.Status status);

    List<Application> findByGroupIdInAndStatusOrderBySubmittedAtAsc(Collection<Long> groupIds, Application.Status status);
}
