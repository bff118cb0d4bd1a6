package com.countyleague.points;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.UploadedImage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 积分兑换: the catalogue and its redemptions. A redemption takes the item's row lock, then the
 * account's, and deducts stock and points in one transaction, so with stock N at most N succeed and
 * no balance goes below zero however many ask at once; the request key a page or client sends makes
 * a retried request return the first answer. Cancelling or expiry refunds once.
 */
@Service
public class Rewards {

    static final int MAX_PICTURE_BYTES = 2 * 1024 * 1024;

    /** An item as a member sees it: can they have it, and if not, why. */
    public record Offer(RewardItem item, String tierName, int balance, boolean affordable, String refusal) {

        public boolean available() {
            return refusal == null;
        }

        /** The arguments of the refusal's message: the item's cost and the balance. */
        public Object[] refusalArguments() {
            return new Object[] {item.getCost(), balance};
        }
    }

    public record RedemptionRow(Redemption redemption, RewardItem item) {
    }

    /** What the pickup desk sees of a reservation: the item and a masked name, to hand over the right thing. */
    public record Pickup(Redemption redemption, RewardItem item, String holderName) {
    }

    public record Choices(List<Organization> providers, List<Tier> tiers) {
    }

    private final RewardItemRepository items;
    private final RedemptionRepository redemptions;
    private final TierRepository tiers;
    private final PointsSettingRepository settings;
    private final PointsBank bank;
    private final PointsLedger ledger;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Rewards(RewardItemRepository items, RedemptionRepository redemptions, TierRepository tiers, PointsSettingRepository settings,
            PointsBank bank, PointsLedger ledger, UnitLookup units, Actors actors, Reach reach,
            JdbcClient jdbc, Clock clock) {
        this.items = items;
        this.redemptions = redemptions;
        this.tiers = tiers;
        this.settings = settings;
        this.bank = bank;
        this.ledger = ledger;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- the catalogue, for staff ---

    /** Items whose provider is in the caller's reach. */
    @Transactional(readOnly = true)
    public List<RewardItem> items() {
        Actor actor = requireStaff();
        return items.within(actor.isCountyAdmin(), actor.isCountyAdmin() ? List.of(-1L) : units.subtreeIds(actor.scopePrefix()));
    }

    @Transactional(readOnly = true)
    public Choices choices() {
        Actor actor = requireStaff();
        return new Choices(units.subtree(actor.scopePrefix()).stream().filter(o -> o.getType() != OrganizationType.GROUP).toList(),
                tiers.findAllByOrderByMinEarnedAsc());
    }

    @Transactional(readOnly = true)
    public RewardItem item(long id) {
        return managed(find(id));
    }

    @Transactional
    public long create(RewardItem.Details details) {
        requireStaff();
        return items.save(new RewardItem(checked(details), clock.instant())).getId();
    }

    @Transactional
    public void update(long id, RewardItem.Details details) {
        managed(lockItem(id)).apply(checked(details));
    }

    @Transactional
    public void publish(long id, boolean published) {
        managed(lockItem(id)).publish(published);
    }

    /** The item's picture: JPEG or PNG of at most 2 MB, checked from its content. */
    @Transactional
    public void setPicture(long id, byte[] bytes) {
        RewardItem item = managed(find(id));
        UploadedImage image = UploadedImage.check(bytes, MAX_PICTURE_BYTES, "picture");
        jdbc.sql("""
                        insert into reward_picture (item_id, content_type, bytes) values (?, ?, ?)
                        on conflict (item_id) do update set content_type = excluded.content_type, bytes = excluded.bytes
                        """)
                .params(item.getId(), image.contentType(), image.bytes()).update();
    }

    /** A published item's picture, for anyone signed in; [content type, bytes]. */
    @Transactional(readOnly = true)
    public Optional<Object[]> picture(long id) {
        RewardItem item = find(id);
        // members see an item only while it is published; its provider's staff prepare it before
        if (!item.isPublished() && !reach.organization(item.getProviderOrgId())) {
            throw new NotFoundException("reward", id);
        }
        return jdbc.sql("select content_type, bytes from reward_picture where item_id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2)}).optional();
    }

    // --- members ---

    /** The published catalogue with, for each item, whether the caller can redeem it now and why not. */
    @Transactional(readOnly = true)
    public List<Offer> catalogue() {
        long personId = actors.current().requirePerson();
        Optional<PointsAccount> account = bank.accountOf(personId);
        int earnedTotal = account.map(PointsAccount::getEarnedTotal).orElse(0);
        int balance = account.map(PointsAccount::getBalance).orElse(0);
        Map<Long, Tier> byId = tiers.findAll().stream().collect(Collectors.toMap(Tier::getId, t -> t));
        Map<Long, Long> held = redemptions.heldByItem(personId).stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        LocalDate today = LocalDate.now(clock);
        return items.findByPublishedTrueOrderByCostAscIdAsc().stream()
                .filter(i -> i.getValidTo() == null || !i.getValidTo().isBefore(today))
                .map(i -> new Offer(i, i.getMinTierId() == null ? null : byId.get(i.getMinTierId()).getName(), balance, balance >= i.getCost(),
                        refusal(i, () -> held.getOrDefault(i.getId(), 0L), balance, earnedTotal, byId, today)))
                .toList();
    }

    /**
     * Redeems an item for the caller: points and stock taken in one transaction, a reservation with a
     * one-time pickup code. The same {@code requestKey} again (a double click, a retried request)
     * returns the reservation it made.
     */
    @Transactional
    public Redemption redeem(long itemId, String requestKey) {
        long personId = actors.current().requirePerson();
        if (requestKey == null || !requestKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw RuleViolationException.of("points.request.invalid");
        }
        String key = personId + ":" + requestKey;
        Optional<Redemption> earlier = redemptions.findByRequestKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        RewardItem item = items.lock(itemId).filter(RewardItem::isPublished).orElseThrow(() -> new NotFoundException("reward", itemId));
        PointsAccount account = ledger.lock(personId);
        earlier = redemptions.findByRequestKey(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Map<Long, Tier> byId = tiers.findAll().stream().collect(Collectors.toMap(Tier::getId, t -> t));
        String refusal = refusal(item, () -> redemptions.heldBy(item.getId(), personId), account.getBalance(), account.getEarnedTotal(), byId,
                LocalDate.now(clock));
        if (refusal != null) {
            throw RuleViolationException.of(refusal, item.getCost(), account.getBalance());
        }
        item.takeOne();
        Instant now = clock.instant();
        Redemption redemption = redemptions.save(new Redemption(item.getId(), personId, item.getCost(), pickupCode(), key, now,
                now.plus(Duration.ofDays(settings.current().getReservationDays()))));
        ledger.append(account, Posting.redemption(PointsEntry.Kind.REDEEM, -item.getCost(), item.getName(), redemption.getId(),
                LocalDate.now(clock), bank.organizationOf(personId), "redeem:" + redemption.getId(), actors.current().username()));
        return redemption;
    }

    @Transactional(readOnly = true)
    public List<RedemptionRow> mine() {
        List<Redemption> list = redemptions.findTop50ByPersonIdOrderByCreatedAtDesc(actors.current().requirePerson());
        Map<Long, RewardItem> byId = items.findByIdIn(list.isEmpty() ? List.of(-1L) : list.stream().map(Redemption::getItemId).toList())
                .stream().collect(Collectors.toMap(RewardItem::getId, i -> i));
        return list.stream().map(r -> new RedemptionRow(r, byId.get(r.getItemId()))).toList();
    }

    /** The member cancels a reservation before pickup: item and points come back, once. */
    @Transactional
    public void cancel(long redemptionId) {
        long personId = actors.current().requirePerson();
        // locked before it is read: a second cancel waits here and then finds it cancelled
        Redemption redemption = redemptions.lock(redemptionId).filter(r -> r.getPersonId() == personId)
                .orElseThrow(() -> new NotFoundException("redemption", redemptionId));
        close(redemption, Redemption.Status.CANCELLED, actors.current().username());
    }

    // --- the pickup desk ---

    /** Finds a waiting reservation by its code, for staff reaching the item's provider. */
    @Transactional(readOnly = true)
    public Pickup pickup(String code) {
        requireStaff();
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        Redemption redemption = redemptions.findByPickupCodeAndStatus(digits, Redemption.Status.RESERVED)
                .orElseThrow(() -> new RuleViolationException("code", "pickup.unknown"));
        RewardItem item = find(redemption.getItemId());
        reach.requireOrganization(item.getProviderOrgId());
        String name = bank.holderName(redemption.getPersonId());
        return new Pickup(redemption, item, name);
    }

    /** Hands the item over: the reservation is fulfilled. */
    @Transactional
    public void fulfil(long redemptionId) {
        requireStaff();
        Redemption redemption = redemptions.lock(redemptionId).orElseThrow(() -> new NotFoundException("redemption", redemptionId));
        reach.require(Reach.Target.REDEMPTION, redemptionId);
        redemption.close(Redemption.Status.FULFILLED, actors.current().username(), clock.instant());
    }

    /** Reservations not picked up in time expire with their refund; nightly, and on demand. */
    @Transactional
    public int expireReservations() {
        List<Long> overdue = redemptions.overdue(clock.instant());
        overdue.forEach(id -> redemptions.lock(id).filter(Redemption::isReserved).ifPresent(r -> close(r, Redemption.Status.EXPIRED, "system")));
        return overdue.size();
    }

    // --- rules ---

    /** Ends a locked reservation that refunds (cancelled, expired): stock back, points back, once. Then locks item and account. */
    private void close(Redemption redemption, Redemption.Status to, String by) {
        if (!redemption.isReserved()) {
            throw RuleViolationException.of("redemption.not-reserved");
        }
        RewardItem item = items.lock(redemption.getItemId()).orElseThrow();
        PointsAccount account = ledger.lock(redemption.getPersonId());
        redemption.close(to, by, clock.instant());
        item.putBack();
        ledger.append(account, Posting.redemption(PointsEntry.Kind.REFUND, redemption.getCost(), item.getName(), redemption.getId(),
                LocalDate.now(clock), bank.organizationOf(redemption.getPersonId()), "refund:" + redemption.getId(), by));
    }

    /** Why the person cannot have the item now, or null; {@code held} counts what they hold of it, asked only for a limited item. */
    private static String refusal(RewardItem item, LongSupplier held, int balance, int earnedTotal, Map<Long, Tier> tiersById,
                                  LocalDate today) {
        if (!item.isValidOn(today)) {
            return "reward.not-valid-now";
        }
        if (item.getStock() <= 0) {
            return "reward.out-of-stock";
        }
        Tier needed = item.getMinTierId() == null ? null : tiersById.get(item.getMinTierId());
        if (needed != null && earnedTotal < needed.getMinEarned()) {
            return "reward.tier-too-low";
        }
        if (item.getPerPersonLimit() != null && held.getAsLong() >= item.getPerPersonLimit()) {
            return "reward.limit-reached";
        }
        if (balance < item.getCost()) {
            return "points.short";
        }
        return null;
    }

    private RewardItem.Details checked(RewardItem.Details d) {
        if (d.providerOrgId() == null || units.organization(d.providerOrgId()).isEmpty()) {
            throw new RuleViolationException("providerOrgId", "reward.provider-org.required");
        }
        reach.requireOrganization(d.providerOrgId());
        if (d.minTierId() != null && tiers.findById(d.minTierId()).isEmpty()) {
            throw new RuleViolationException("minTierId", "reward.tier.unknown");
        }
        return d;
    }

    private RewardItem managed(RewardItem item) {
        requireStaff();
        reach.requireOrganization(item.getProviderOrgId());
        return item;
    }

    private Actor requireStaff() {
        Actor actor = actors.current();
        actor.requireStaff();
        return actor;
    }

    private RewardItem find(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("reward", id));
    }

    private RewardItem lockItem(long id) {
        return items.lock(id).orElseThrow(() -> new NotFoundException("reward", id));
    }

    /** Eight digits; a code names one waiting reservation (a unique index), so a clash draws again. */
    private String pickupCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = String.format("%08d", random.nextInt(100_000_000));
            if (redemptions.findByPickupCodeAndStatus(code, Redemption.Status.RESERVED).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("No free pickup code after 20 draws");
    }
}
