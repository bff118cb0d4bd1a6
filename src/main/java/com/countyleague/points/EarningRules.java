package com.countyleague.points;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.countyleague.account.Actors;
import com.countyleague.account.Role;
import com.countyleague.activity.Activity;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The county admin's settings of the bank: earning rules in versions, tiers, whether points expire,
 * how long a reservation waits. A rule takes effect from a day not in the past, so entries already
 * written always agree with the rule that paid them.
 */
@Service
public class EarningRules {

    public record RuleDraft(PointsRule.Source source, Activity.Type activityType, Integer pointsPerAttendance, Integer pointsPerHour,
                            Integer dailyCap, Integer monthlyCap, LocalDate effectiveFrom) {
    }

    private final PointsRuleRepository rules;
    private final TierRepository tiers;
    private final PointsSettingRepository settings;
    private final Actors actors;
    private final Clock clock;

    /**
     * Every balance page shows the tier and whether points expire, and the county admin changes those a
     * few times a year: pages read them again after {@link #SHOWN_KEPT} (another instance's change shows
     * by then) and at once after a change here. Redemptions and the nightly work read them fresh.
     */
    private static final Duration SHOWN_KEPT = Duration.ofSeconds(30);

    private record Shown(List<Tier> tiers, Integer expiryYears, long readAtNanos) {
    }

    private volatile Shown shown;

    EarningRules(PointsRuleRepository rules, TierRepository tiers, PointsSettingRepository settings, Actors actors, Clock clock) {
        this.rules = rules;
        this.tiers = tiers;
        this.settings = settings;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PointsRule> rules() {
        requireCountyAdmin();
        return rules.findAllByOrderBySourceAscActivityTypeAscEffectiveFromDesc();
    }

    /**
     * The rules in force today, one per kind of action, for the page that tells members how points
     * are earned (the 《青年积分手册》 in the app). Anyone signed in may read them.
     */
    @Transactional(readOnly = true)
    public List<PointsRule> inForceToday() {
        LocalDate today = LocalDate.now(clock);
        return rules.findAllByOrderBySourceAscActivityTypeAscEffectiveFromDesc().stream()
                .filter(r -> !r.getEffectiveFrom().isAfter(today))
                .collect(Collectors.toMap(r -> r.getSource() + ":" + r.getActivityType(), r -> r, (first, older) -> first,
                        LinkedHashMap::new))
                .values().stream().toList();
    }

    /** A new version of the rule for a kind of action, in force from its first day (today or later). */
    @Transactional
    public long addRule(RuleDraft d) {
        requireCountyAdmin();
        if (d.source() == null || (d.source() == PointsRule.Source.ACTIVITY && d.activityType() == null)) {
            throw new RuleViolationException("activityType", "rule.kind.required");
        }
        if (d.pointsPerAttendance() == null || d.pointsPerAttendance() < 0 || d.pointsPerAttendance() > 10_000
                || d.pointsPerHour() == null || d.pointsPerHour() < 0 || d.pointsPerHour() > 10_000) {
            throw new RuleViolationException("pointsPerAttendance", "rule.points.range");
        }
        if ((d.dailyCap() != null && d.dailyCap() <= 0) || (d.monthlyCap() != null && d.monthlyCap() <= 0)) {
            throw new RuleViolationException("dailyCap", "rule.cap.positive");
        }
        if (d.effectiveFrom() == null || d.effectiveFrom().isBefore(LocalDate.now(clock))) {
            throw new RuleViolationException("effectiveFrom", "rule.from.past");
        }
        Activity.Type type = d.source() == PointsRule.Source.ACTIVITY ? d.activityType() : null;
        if (rules.inForce(d.source(), type, d.effectiveFrom()).filter(r -> r.getEffectiveFrom().equals(d.effectiveFrom())).isPresent()) {
            throw new RuleViolationException("effectiveFrom", "rule.from.taken");
        }
        return rules.save(new PointsRule(d.source(), type, d.pointsPerAttendance(), d.pointsPerHour(), d.dailyCap(), d.monthlyCap(),
                d.effectiveFrom(), actors.current().username(), clock.instant())).getId();
    }

    @Transactional(readOnly = true)
    public List<Tier> tiers() {
        return tiers.findAllByOrderByMinEarnedAsc();
    }

    /** Adds a tier ({@code id} null) or changes one; the lowest tier starts at 0 so everyone has one. */
    @Transactional
    public void saveTier(Long id, String name, Integer minEarned, String benefits) {
        requireCountyAdmin();
        if (name == null || name.isBlank() || name.trim().length() > 30) {
            throw new RuleViolationException("name", "tier.name.invalid", 30);
        }
        if (minEarned == null || minEarned < 0) {
            throw new RuleViolationException("minEarned", "tier.min.invalid");
        }
        if (benefits != null && benefits.length() > 500) {
            throw new RuleViolationException("benefits", "tier.benefits.too-long", 500);
        }
        List<Tier> all = tiers.findAllByOrderByMinEarnedAsc();
        boolean clash = all.stream().anyMatch(t -> !t.getId().equals(id) && (t.getMinEarned() == minEarned || t.getName().equals(name.trim())));
        if (clash) {
            throw new RuleViolationException("minEarned", "tier.duplicate");
        }
        Tier tier = id == null ? new Tier(name.trim(), minEarned, blankToNull(benefits))
                : tiers.findById(id).orElseThrow(() -> new NotFoundException("tier", id));
        tier.set(name.trim(), minEarned, blankToNull(benefits));
        tiers.save(tier);
        tiers.flush();
        if (tiers.findAllByOrderByMinEarnedAsc().get(0).getMinEarned() != 0) {
            throw new RuleViolationException("minEarned", "tier.first-at-zero");
        }
        showChangesAfterCommit();
    }

    @Transactional(readOnly = true)
    public PointsSetting settings() {
        return settings.current();
    }

    @Transactional
    public void saveSettings(Integer expiryYears, Integer reservationDays) {
        requireCountyAdmin();
        if (expiryYears != null && (expiryYears < 1 || expiryYears > 10)) {
            throw new RuleViolationException("expiryYears", "setting.expiry.range");
        }
        if (reservationDays == null || reservationDays < 1 || reservationDays > 90) {
            throw new RuleViolationException("reservationDays", "setting.reservation.range");
        }
        settings.current().set(expiryYears, reservationDays);
        showChangesAfterCommit();
    }

    Optional<PointsRule> inForce(PointsRule.Source source, Activity.Type type, LocalDate day) {
        return rules.inForce(source, source == PointsRule.Source.ACTIVITY ? type : null, day);
    }

    /** The tier reached with these points earned in all, the next one (null at the top) and how far towards it, in percent. */
    public record Standing(Tier tier, Tier next, int percentToNext) {
    }

    Standing standing(int earnedTotal) {
        List<Tier> all = shown().tiers();
        Tier reached = all.get(0);
        Tier next = null;
        for (Tier tier : all) {
            if (tier.getMinEarned() <= earnedTotal) {
                reached = tier;
            } else {
                next = tier;
                break;
            }
        }
        int percent = next == null ? 100 : (earnedTotal - reached.getMinEarned()) * 100 / (next.getMinEarned() - reached.getMinEarned());
        return new Standing(reached, next, percent);
    }

    /** Whether points expire, and after how many years, as the member pages show it (null: they do not). */
    Integer shownExpiryYears() {
        return shown().expiryYears();
    }

    private Shown shown() {
        Shown read = shown;
        if (read == null || System.nanoTime() - read.readAtNanos() > SHOWN_KEPT.toNanos()) {
            read = new Shown(List.copyOf(tiers.findAllByOrderByMinEarnedAsc()), settings.current().getExpiryYears(), System.nanoTime());
            shown = read;
        }
        return read;
    }

    private void showChangesAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                shown = null;
            }
        });
    }

    private void requireCountyAdmin() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
