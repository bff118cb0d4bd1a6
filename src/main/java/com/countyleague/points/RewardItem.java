package com.countyleague.points;

import java.time.Instant;
import java.time.LocalDate;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An item of the 积分兑换清单: goods, a service or a privilege, its provider, cost, stock and who may have it. */
@Entity
@Table(name = "reward_item")
public class RewardItem {

    public enum Kind { GOODS, SERVICE, PRIVILEGE }

    public record Details(String name, String description, Kind kind, String provider, Long providerOrgId, int cost, int stock,
                          Integer perPersonLimit, LocalDate validFrom, LocalDate validTo, Long minTierId) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private String provider;

    private Long providerOrgId;

    private int cost;

    private int stock;

    private Integer perPersonLimit;

    private LocalDate validFrom;

    private LocalDate validTo;

    private Long minTierId;

    private boolean published;

    private Instant createdAt;

    @Version
    private long version;

    protected RewardItem() {
    }

    RewardItem(Details details, Instant now) {
        apply(details);
        this.createdAt = now;
    }

    void apply(Details d) {
        if (d.name() == null || d.name().isBlank() || d.name().trim().length() > 100) {
            throw new RuleViolationException("name", "reward.name.invalid", 100);
        }
        if (d.provider() == null || d.provider().isBlank() || d.provider().trim().length() > 100) {
            throw new RuleViolationException("provider", "reward.provider.invalid", 100);
        }
        if (d.cost() <= 0 || d.cost() > 1_000_000) {
            throw new RuleViolationException("cost", "reward.cost.range");
        }
        if (d.stock() < 0 || d.stock() > 1_000_000) {
            throw new RuleViolationException("stock", "reward.stock.range");
        }
        if (d.validFrom() != null && d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            throw new RuleViolationException("validTo", "reward.valid.order");
        }
        this.name = d.name().trim();
        this.description = d.description() == null || d.description().isBlank() ? null : d.description().trim();
        this.kind = d.kind();
        this.provider = d.provider().trim();
        this.providerOrgId = d.providerOrgId();
        this.cost = d.cost();
        this.stock = d.stock();
        this.perPersonLimit = d.perPersonLimit();
        this.validFrom = d.validFrom();
        this.validTo = d.validTo();
        this.minTierId = d.minTierId();
    }

    void publish(boolean published) {
        this.published = published;
    }

    /** Takes one from stock for a redemption; refuses when none is left. */
    void takeOne() {
        if (stock <= 0) {
            throw RuleViolationException.of("reward.out-of-stock");
        }
        stock--;
    }

    /** A cancelled or expired reservation gives its item back. */
    void putBack() {
        stock++;
    }

    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Kind getKind() {
        return kind;
    }

    public String getProvider() {
        return provider;
    }

    public Long getProviderOrgId() {
        return providerOrgId;
    }

    public int getCost() {
        return cost;
    }

    public int getStock() {
        return stock;
    }

    public Integer getPerPersonLimit() {
        return perPersonLimit;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public Long getMinTierId() {
        return minTierId;
    }

    public boolean isPublished() {
        return published;
    }
}
