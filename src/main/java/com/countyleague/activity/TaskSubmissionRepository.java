package com.countyleague.activity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    @Query("select t from TaskSubmission t where t.activityId = :activityId and t.personId = :personId order by t.submittedAt desc, t.id desc")
    List<TaskSubmission> ofPerson(@Param("activityId") long activityId, @Param("personId") long personId);

    @Query("select t from TaskSubmission t where t.activityId = :activityId and t.personId = :personId and t.status <> 'REJECTED'")
    Optional<TaskSubmission> findCurrent(@Param("activityId") long activityId, @Param("personId") long personId);

    List<TaskSubmission> findByActivityIdAndStatusOrderBySubmittedAtAsc(long activityId, TaskSubmission.Status status);
}
