package com.countyleague.points;

import java.time.Instant;
import java.time.LocalDate;

import com.countyleague.activity.Activity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * 积分规则, one version: what a kind of action earns — per attendance and per hour of service — and
 * how much a person may earn by it in a day and a month. Never changed: a new version with a later
 * start replaces it from that day on, and entries keep the version that paid them.
 */
@Entity
@Immutable
@Table(name = "points_rule")
public class PointsRule {

    public enum Source { ACTIVITY, SHIFT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Source source;

    @Enumerated(EnumType.STRING)
    private Activity.Type activityType;

    private int pointsPerAttendance;

    private int pointsPerHour;

    private Integer dailyCap;

    private Integer monthlyCap;

    private LocalDate effectiveFrom;

    private String createdBy;

    private Instant createdAt;

    protected PointsRule() {
    }

    PointsRule(Source source, Activity.Type activityType, int pointsPerAttendance, int pointsPerHour, Integer dailyCap,
               Integer monthlyCap, LocalDate effectiveFrom, String createdBy, Instant createdAt) {
        this.source = source;
        this.activityType = source == Source.ACTIVITY ? activityType : null;
        this.pointsPerAttendance = pointsPerAttendance;
        this.pointsPerHour = pointsPerHour;
        this.dailyCap = dailyCap;
        this.monthlyCap = monthlyCap;
        this.effectiveFrom = effectiveFrom;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Points for service of these minutes, pro rata and rounded. */
    int forService(int minutes) {
        return Math.round(pointsPerHour * minutes / 60f);
    }

    /** What is left of the caps after what was earned by this kind of action that day and that month. */
    int capped(int points, int earnedThatDay, int earnedThatMonth) {
        int allowed = points;
        if (dailyCap != null) {
            allowed = Math.min(allowed, dailyCap - earnedThatDay);
        }
        if (monthlyCap != null) {
            allowed = Math.min(allowed, monthlyCap - earnedThatMonth);
        }
        return Math.max(0, allowed);
    }

    public Long getId() {
        return id;
    }

    public Source getSource() {
        return source;
    }

    public Activity.Type getActivityType() {
        return activityType;
    }

    public int getPointsPerAttendance() {
        return pointsPerAttendance;
    }

    public int getPointsPerHour() {
        return pointsPerHour;
    }

    public Integer getDailyCap() {
        return dailyCap;
    }

    public Integer getMonthlyCap() {
        return monthlyCap;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
