package com.countyleague.points.web;

import java.util.UUID;

import com.countyleague.points.PointsAccount;
import com.countyleague.points.EarningRules;
import com.countyleague.points.PointsBank;
import com.countyleague.points.Redemption;
import com.countyleague.points.Rewards;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.PublicUrls;
import com.countyleague.web.QrCodes;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The member's points on their phone: balance, tier and history; the catalogue and redeeming; their
 * redemptions with pickup codes; their youth card. And the card's public page its QR code opens.
 */
@Controller
class MyPointsController {

    private final PointsBank bank;
    private final Rewards rewards;
    private final EarningRules earningRules;
    private final PublicUrls urls;
    private final Flash flash;

    MyPointsController(PointsBank bank, Rewards rewards, EarningRules earningRules, PublicUrls urls, Flash flash) {
        this.bank = bank;
        this.earningRules = earningRules;
        this.rewards = rewards;
        this.urls = urls;
        this.flash = flash;
    }

    @GetMapping("/me/points")
    String points(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("view", bank.mine(Paging.of(page, size, Sort.unsorted())));
        return "points/mine";
    }

    /** How points are earned and what each tier brings: the county's handbook, as it stands today. */
    @GetMapping("/me/points/how")
    String handbook(Model model) {
        model.addAttribute("rules", earningRules.inForceToday());
        model.addAttribute("tiers", earningRules.tiers());
        model.addAttribute("settings", earningRules.settings());
        return "points/how";
    }

    @GetMapping("/me/rewards")
    String catalogue(Model model) {
        model.addAttribute("offers", rewards.catalogue());
        // one key per page view: a double click or a resent form redeems once
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "points/rewards";
    }

    @PostMapping("/me/rewards/{id}/redeem")
    String redeem(@PathVariable long id, @RequestParam(required = false) String requestKey, RedirectAttributes redirect) {
        try {
            Redemption redemption = rewards.redeem(id, requestKey);
            flash.success(redirect, "redemption.done", redemption.getPickupCode());
            return "redirect:/me/redemptions";
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
            return "redirect:/me/rewards";
        }
    }

    @GetMapping("/me/redemptions")
    String redemptions(Model model) {
        model.addAttribute("rows", rewards.mine());
        return "points/redemptions";
    }

    @PostMapping("/me/redemptions/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, "redemption.cancelled", () -> rewards.cancel(id));
        return "redirect:/me/redemptions";
    }

    @GetMapping("/me/card")
    String card(Model model) {
        PointsAccount account = bank.myCard();
        model.addAttribute("account", account);
        model.addAttribute("view", bank.card(account.getCardCode()));
        return "points/card";
    }

    @GetMapping("/me/card/qr.png")
    ResponseEntity<byte[]> cardQr() {
        PointsAccount account = bank.myCard();
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(urls.of("/card/" + account.getCardCode()), 300));
    }

    /** Public: what a merchant or venue sees when scanning a youth card. */
    @GetMapping("/card/{code}")
    String publicCard(@PathVariable String code, Model model) {
        model.addAttribute("view", bank.card(code));
        return "points/card-public";
    }

    @GetMapping("/rewards/{id}/picture")
    ResponseEntity<byte[]> picture(@PathVariable long id) {
        return rewards.picture(id).map(p -> ResponseEntity.ok().contentType(MediaType.parseMediaType((String) p[0]))
                        .cacheControl(CacheControl.noCache()).header("X-Content-Type-Options", "nosniff").body((byte[]) p[1]))
                .orElse(ResponseEntity.notFound().build());
    }
}
