package com.countyleague.recruitment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A recruitment campaign: who it recruits for, through which channels, when, and where newcomers are recorded. */
@Entity
@Table(name = "recruitment_campaign")
public class Campaign {

    /** A group the campaign recruits for, and how many it seeks. */
    @Embeddable
    public record Target(Long groupId, int quota) {
    }

    /** A channel the campaign uses, with its partner institutions (one per line). */
    @Embeddable
    public record ChannelUse(@Enumerated(EnumType.STRING) Channel channel, String partners) {

        public List<String> partnerList() {
            return partners == null ? List.of() : Arrays.stream(partners.split("\\R")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String title;

    private String description;

    private Long hostOrgId;

    /** The branch where approved newcomers enter the youth ledger (a community pool, say). */
    private Long intakeBranchId;

    private LocalDate opensOn;

    private LocalDate closesOn;

    private boolean published;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "campaign_target", joinColumns = @JoinColumn(name = "campaign_id"))
    private Set<Target> targets = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "campaign_channel", joinColumns = @JoinColumn(name = "campaign_id"))
    private Set<ChannelUse> channels = new HashSet<>();

    protected Campaign() {
    }

    /** What an organiser sets about a campaign. */
    public record Details(String code, String title, String description, long hostOrgId, long intakeBranchId,
                          LocalDate opensOn, LocalDate closesOn, boolean published, List<Target> targets,
                          List<ChannelUse> channels) {
    }

    Campaign(Details details, Instant now) {
        this.createdAt = now;
        apply(details);
    }

    void apply(Details details) {
        if (details.closesOn().isBefore(details.opensOn())) {
            throw new RuleViolationException("closesOn", "campaign.period.order");
        }
        if (details.targets().isEmpty()) {
            throw new RuleViolationException("targets", "campaign.targets.required");
        }
        if (details.channels().isEmpty()) {
            throw new RuleViolationException("channels", "campaign.channels.required");
        }
        this.code = details.code();
        this.title = details.title();
        this.description = details.description();
        this.hostOrgId = details.hostOrgId();
        this.intakeBranchId = details.intakeBranchId();
        this.opensOn = details.opensOn();
        this.closesOn = details.closesOn();
        this.published = details.published();
        this.targets.clear();
        this.targets.addAll(details.targets());
        this.channels.clear();
        this.channels.addAll(details.channels());
    }

    /** Whether the public may apply on this day. */
    public boolean isOpenOn(LocalDate day) {
        return published && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public boolean recruitsFor(long groupId) {
        return targets.stream().anyMatch(t -> t.groupId() == groupId);
    }

    public Optional<ChannelUse> channel(Channel channel) {
        return channels.stream().filter(c -> c.channel() == channel).findFirst();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Long getHostOrgId() {
        return hostOrgId;
    }

    public Long getIntakeBranchId() {
        return intakeBranchId;
    }

    public LocalDate getOpensOn() {
        return opensOn;
    }

    public LocalDate getClosesOn() {
        return closesOn;
    }

    public boolean isPublished() {
        return published;
    }

    /** Kept as sets (a campaign is loaded with both at once); shown in a stable order. */
    public List<Target> getTargets() {
        return targets.stream().sorted(Comparator.comparing(Target::groupId)).toList();
    }

    public List<ChannelUse> getChannels() {
        return channels.stream().sorted(Comparator.comparing(ChannelUse::channel)).toList();
    }
}
