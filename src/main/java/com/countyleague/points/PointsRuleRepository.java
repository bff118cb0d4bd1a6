package com.countyleague.points;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.countyleague.activity.Activity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PointsRuleRepository extends JpaRepository<PointsRule, Long> {

    /** The version in force on a day: the latest that started on or before it. */
    @Query("""
            select r from PointsRule r
            where r.source = :source and (r.activityType = :type or (:type is null and r.activityType is null))
              and r.effectiveFrom <= :day
            order by r.effectiveFrom desc limit 1
            """)
    Optional<PointsRule> inForce(@Param("source") PointsRule.Source source, @Param("type") Activity.Type type, @Param("day") LocalDate day);

    List<PointsRule> findAllByOrderBySourceAscActivityTypeAscEffectiveFromDesc();
}
