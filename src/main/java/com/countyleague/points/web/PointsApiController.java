package com.countyleague.points.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.countyleague.points.PointsBank;
import com.countyleague.points.Redemption;
import com.countyleague.points.Rewards;
import com.countyleague.points.Tier;
import com.countyleague.web.ApiErrors;
import com.countyleague.web.NoPersonException;
import com.countyleague.web.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A small JSON API for a future mini-program, protected like the pages: the session cookie, and the
 * CSRF token in the {@code X-CSRF-TOKEN} header for the POST. Answers in the caller's language.
 */
@RestController
@RequestMapping("/api/v1")
class PointsApiController {

    private final PointsBank bank;
    private final Rewards rewards;
    private final MessageSource messages;

    PointsApiController(PointsBank bank, Rewards rewards, MessageSource messages) {
        this.bank = bank;
        this.rewards = rewards;
        this.messages = messages;
    }

    record TierJson(String name, int minEarned) {
        static TierJson of(Tier tier) {
            return tier == null ? null : new TierJson(tier.getName(), tier.getMinEarned());
        }
    }

    record EntryJson(long id, String kind, int amount, int balanceAfter, String reason, Instant at) {
    }

    record PointsJson(int balance, int earnedTotal, TierJson tier, TierJson nextTier, int expiringSoon, List<EntryJson> entries) {
    }

    record RewardJson(long id, String name, String kind, String provider, int cost, int stock, boolean eligible, boolean affordable,
                      String reason) {
    }

    record RedeemRequest(Long itemId) {
    }

    record RedemptionJson(long id, long itemId, int cost, String status, String pickupCode, Instant expiresAt) {
    }

    @GetMapping("/me/points")
    PointsJson points() {
        PointsBank.Overview view = bank.mine(PageRequest.of(0, 20));
        return new PointsJson(view.balance(), view.earnedTotal(), TierJson.of(view.standing().tier()), TierJson.of(view.standing().next()),
                view.expiringSoon(), view.history().getContent().stream().map(e -> new EntryJson(e.id(), e.kind().name(),
                        e.amount(), e.balanceAfter(), e.reason(), e.createdAt())).toList());
    }

    @GetMapping("/rewards")
    List<RewardJson> rewards() {
        return rewards.catalogue().stream().map(o -> new RewardJson(o.item().getId(), o.item().getName(), o.item().getKind().name(),
                o.item().getProvider(), o.item().getCost(), o.item().getStock(), o.available(), o.affordable(),
                o.refusal() == null ? null : messages.getMessage(o.refusal(), o.refusalArguments(),
                        LocaleContextHolder.getLocale()))).toList();
    }

    /** 201 with the pickup code; 409 with the reason when out of stock, over the limit or short of points. */
    @PostMapping("/me/redemptions")
    ResponseEntity<RedemptionJson> redeem(@RequestBody RedeemRequest request,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (request == null || request.itemId() == null) {
            throw new RuleViolationException("itemId", "api.item-required");
        }
        Redemption r = rewards.redeem(request.itemId(), idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
        return ResponseEntity.created(URI.create("/me/redemptions")).body(new RedemptionJson(r.getId(), r.getItemId(), r.getCost(),
                r.getStatus().name(), r.getPickupCode(), r.getExpiresAt()));
    }

    /** The points API answers an account without a person 404 (nothing here for it, not a rule it broke); other refusals as every API does (web.ApiErrors). */
    @RestControllerAdvice(assignableTypes = PointsApiController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        private final ApiErrors api;

        Errors(ApiErrors api) {
            this.api = api;
        }

        @ExceptionHandler(NoPersonException.class)
        ResponseEntity<ApiErrors.ErrorJson> noPerson(NoPersonException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(api.json(e));
        }
    }
}
