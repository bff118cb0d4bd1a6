package com.countyleague.council;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ResidentIssueRepository extends JpaRepository<ResidentIssue, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.ISSUE;
    }

    /** An issue belongs to the unit that settles it. */
    @Override
    @Query("select i.organizationId from ResidentIssue i where i.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    /** The issue, locked: one step at a time, so two clerks cannot both take it further. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from ResidentIssue i where i.id = :id")
    Optional<ResidentIssue> lock(@Param("id") long id);

    List<ResidentIssue> findByReporterPersonIdOrderByCreatedAtDesc(long personId);

    @Query("select i from ResidentIssue i where i.id in (select a.issueId from AnonymousReporter a where a.personId = :personId)")
    List<ResidentIssue> reportedAnonymouslyBy(@Param("personId") long personId);

    List<ResidentIssue> findByMeetingIdOrderByIdAsc(long meetingId);

    /** The open issues before a council: its own, and those of its host unit that no council has, oldest first. */
    @Query("""
            select i from ResidentIssue i
            where i.status in (com.countyleague.council.ResidentIssue.Status.NEW, com.countyleague.council.ResidentIssue.Status.ACCEPTED,
                               com.countyleague.council.ResidentIssue.Status.IN_PROGRESS)
              and (i.councilId = :councilId or (i.councilId is null and i.organizationId = :hostOrgId))
            order by i.createdAt""")
    List<ResidentIssue> openBefore(@Param("councilId") long councilId, @Param("hostOrgId") long hostOrgId);
}
