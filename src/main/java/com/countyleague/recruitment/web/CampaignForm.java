package com.countyleague.recruitment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.recruitment.Campaign;
import com.countyleague.recruitment.Channel;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** A campaign as its form edits it: quotas per group (blank for not targeted), channels with partners. */
public class CampaignForm {

    static final String[] FIELDS = {"code", "title", "description", "hostOrgId", "intakeBranchId", "opensOn", "closesOn",
            "published", "targets*", "channels", "partners*"};

    @NotBlank(message = "{validation.required}")
    @Size(max = 40, message = "{validation.max-length}")
    private String code;

    @NotBlank(message = "{validation.required}")
    @Size(max = 100, message = "{validation.max-length}")
    private String title;

    @Size(max = 4000, message = "{validation.max-length}")
    private String description;

    @NotNull(message = "{validation.required}")
    private Long hostOrgId;

    @NotNull(message = "{validation.required}")
    private Long intakeBranchId;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate opensOn;

    @NotNull(message = "{validation.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closesOn;

    private boolean published;

    /** Quota per group id; groups left empty are not targeted. */
    private Map<Long, Integer> targets = new HashMap<>();

    private Set<Channel> channels = EnumSet.noneOf(Channel.class);

    private Map<Channel, String> partners = new HashMap<>();

    static CampaignForm of(Campaign campaign) {
        CampaignForm form = new CampaignForm();
        form.code = campaign.getCode();
        form.title = campaign.getTitle();
        form.description = campaign.getDescription();
        form.hostOrgId = campaign.getHostOrgId();
        form.intakeBranchId = campaign.getIntakeBranchId();
        form.opensOn = campaign.getOpensOn();
        form.closesOn = campaign.getClosesOn();
        form.published = campaign.isPublished();
        campaign.getTargets().forEach(t -> form.targets.put(t.groupId(), t.quota()));
        campaign.getChannels().forEach(c -> {
            form.channels.add(c.channel());
            form.partners.put(c.channel(), c.partners());
        });
        return form;
    }

    Campaign.Details details() {
        List<Campaign.Target> chosen = new ArrayList<>();
        targets.forEach((group, quota) -> {
            if (group != null && quota != null && quota > 0) {
                chosen.add(new Campaign.Target(group, quota));
            }
        });
        List<Campaign.ChannelUse> uses = channels.stream().map(c -> new Campaign.ChannelUse(c, blankToNull(partners.get(c)))).toList();
        return new Campaign.Details(code, title, description, hostOrgId, intakeBranchId, opensOn, closesOn, published, chosen, uses);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getHostOrgId() { return hostOrgId; }
    public void setHostOrgId(Long hostOrgId) { this.hostOrgId = hostOrgId; }
    public Long getIntakeBranchId() { return intakeBranchId; }
    public void setIntakeBranchId(Long intakeBranchId) { this.intakeBranchId = intakeBranchId; }
    public LocalDate getOpensOn() { return opensOn; }
    public void setOpensOn(LocalDate opensOn) { this.opensOn = opensOn; }
    public LocalDate getClosesOn() { return closesOn; }
    public void setClosesOn(LocalDate closesOn) { this.closesOn = closesOn; }
    public boolean isPublished() { return published; }
    public void setPublished(boolean published) { this.published = published; }
    public Map<Long, Integer> getTargets() { return targets; }
    public void setTargets(Map<Long, Integer> targets) { this.targets = targets; }
    public Set<Channel> getChannels() { return channels; }
    public void setChannels(Set<Channel> channels) { this.channels = channels == null ? EnumSet.noneOf(Channel.class) : channels; }
    public Map<Channel, String> getPartners() { return partners; }
    public void setPartners(Map<Channel, String> partners) { this.partners = partners; }
}
