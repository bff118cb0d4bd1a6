package com.countyleague.points;

import java.time.LocalDate;
import java.util.Collection;

import com.countyleague.activity.Activity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PointsEntryRepository extends JpaRepository<PointsEntry, Long> {

    // written out: a derived query with a projection is built anew as a criteria query on every call
    @Query(value = """
            select new com.countyleague.points.HistoryLine(e.id, e.kind, e.amount, e.balanceAfter, e.reason, e.createdAt)
            from PointsEntry e where e.personId = :personId order by e.id desc""",
            countQuery = "select count(e) from PointsEntry e where e.personId = :personId")
    Page<HistoryLine> historyOf(@Param("personId") long personId, Pageable pageable);

    boolean existsByIdempotencyKey(String idempotencyKey);

    /** What the entries of these keys added up to: what an earning paid, to take back. */
    @Query("select coalesce(sum(e.amount), 0) from PointsEntry e where e.idempotencyKey in :keys")
    long amountOf(@Param("keys") Collection<String> keys);

    /** Points a person earned by one kind of action (every version of its rule) between two days. */
    @Query("""
            select coalesce(sum(e.amount), 0) from PointsEntry e, PointsRule r
            where r.id = e.ruleId and e.personId = :personId and e.kind = 'EARN'
              and r.source = :source and (r.activityType = :type or (:type is null and r.activityType is null))
              and e.actionDay between :from and :to
            """)
    int earnedBy(@Param("personId") long personId, @Param("source") PointsRule.Source source,
                 @Param("type") Activity.Type type, @Param("from") LocalDate from, @Param("to") LocalDate to);
}
