package com.countyleague.council;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CouncilMeetingRepository extends JpaRepository<CouncilMeeting, Long> {

    List<CouncilMeeting> findByActivityIdIn(Collection<Long> activityIds);
}
