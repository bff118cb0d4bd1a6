package com.countyleague.points;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 分级礼遇: a tier reached by points earned in all (never by the balance), with its benefits. */
@Entity
@Table(name = "points_tier")
public class Tier {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private int minEarned;

    private String benefits;

    protected Tier() {
    }

    Tier(String name, int minEarned, String benefits) {
        set(name, minEarned, benefits);
    }

    void set(String name, int minEarned, String benefits) {
        this.name = name;
        this.minEarned = minEarned;
        this.benefits = benefits;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getMinEarned() {
        return minEarned;
    }

    public String getBenefits() {
        return benefits;
    }
}
