package com.countyleague.points.web;

import java.time.LocalDate;

import com.countyleague.points.RewardItem;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A catalogue item as its form edits it. */
public class RewardForm {

    static final String[] FIELDS = {"name", "description", "kind", "provider", "providerOrgId", "cost", "stock", "perPersonLimit",
            "validFrom", "validTo", "minTierId"};

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String name;

    @Size(max = 1000, message = "{validation.max-length}")
    private String description;

    @NotNull(message = "{validation.required}")
    private RewardItem.Kind kind = RewardItem.Kind.GOODS;

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String provider;

    @NotNull(message = "{validation.required}")
    private Long providerOrgId;

    @NotNull(message = "{validation.required}")
    @Min(value = 1, message = "{reward.cost.range}")
    @Max(value = 1_000_000, message = "{reward.cost.range}")
    private Integer cost;

    @NotNull(message = "{validation.required}")
    @Min(value = 0, message = "{reward.stock.range}")
    @Max(value = 1_000_000, message = "{reward.stock.range}")
    private Integer stock;

    @Min(value = 1, message = "{reward.limit.range}")
    private Integer perPersonLimit;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;

    private Long minTierId;

    static RewardForm of(RewardItem item) {
        RewardForm form = new RewardForm();
        form.name = item.getName();
        form.description = item.getDescription();
        form.kind = item.getKind();
        form.provider = item.getProvider();
        form.providerOrgId = item.getProviderOrgId();
        form.cost = item.getCost();
        form.stock = item.getStock();
        form.perPersonLimit = item.getPerPersonLimit();
        form.validFrom = item.getValidFrom();
        form.validTo = item.getValidTo();
        form.minTierId = item.getMinTierId();
        return form;
    }

    RewardItem.Details details() {
        return new RewardItem.Details(name, description, kind, provider, providerOrgId, cost, stock, perPersonLimit, validFrom, validTo,
                minTierId);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public RewardItem.Kind getKind() { return kind; }
    public void setKind(RewardItem.Kind kind) { this.kind = kind; }
    public String getProvider() { return provider; }
    public void setProvider(String provider) { this.provider = provider; }
    public Long getProviderOrgId() { return providerOrgId; }
    public void setProviderOrgId(Long providerOrgId) { this.providerOrgId = providerOrgId; }
    public Integer getCost() { return cost; }
    public void setCost(Integer cost) { this.cost = cost; }
    public Integer getStock() { return stock; }
    public void setStock(Integer stock) { this.stock = stock; }
    public Integer getPerPersonLimit() { return perPersonLimit; }
    public void setPerPersonLimit(Integer perPersonLimit) { this.perPersonLimit = perPersonLimit; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public Long getMinTierId() { return minTierId; }
    public void setMinTierId(Long minTierId) { this.minTierId = minTierId; }
}
