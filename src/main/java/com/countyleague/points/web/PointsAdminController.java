package com.countyleague.points.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import com.countyleague.activity.Activity;
import com.countyleague.points.EarningRules;
import com.countyleague.points.PointsBank;
import com.countyleague.points.PointsRule;
import com.countyleague.points.RewardItem;
import com.countyleague.points.Rewards;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bank's admin pages: earning rules, tiers and settings (county admin); the catalogue, the pickup
 * desk, a person's points with manual adjustments, and the report (staff within their reach); the
 * consistency check (county admin).
 */
@Controller
@RequestMapping("/admin/points")
class PointsAdminController {

    private final PointsBank bank;
    private final EarningRules rules;
    private final Rewards rewards;
    private final Formats formats;
    private final Flash flash;

    PointsAdminController(PointsBank bank, EarningRules rules, Rewards rewards, Formats formats, Flash flash) {
        this.bank = bank;
        this.rules = rules;
        this.rewards = rewards;
        this.formats = formats;
        this.flash = flash;
    }

    @InitBinder("rewardForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(RewardForm.FIELDS);
    }

    // --- rules, tiers, settings ---

    @GetMapping("/rules")
    String rules(Model model) {
        model.addAttribute("rules", rules.rules());
        model.addAttribute("tiers", rules.tiers());
        model.addAttribute("settings", rules.settings());
        model.addAttribute("types", Activity.Type.values());
        model.addAttribute("today", LocalDate.now(formats.zone()));
        return "points/admin-rules";
    }

    @AdminChange
    @PostMapping("/rules")
    String addRule(@RequestParam(required = false) PointsRule.Source source, @RequestParam(required = false) Activity.Type activityType,
                   @RequestParam(required = false) Integer pointsPerAttendance, @RequestParam(required = false) Integer pointsPerHour,
                   @RequestParam(required = false) Integer dailyCap, @RequestParam(required = false) Integer monthlyCap,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                   RedirectAttributes redirect) {
        flash.attempt(redirect, "rule.saved", () -> rules.addRule(new EarningRules.RuleDraft(source, activityType, pointsPerAttendance,
                pointsPerHour, dailyCap, monthlyCap, effectiveFrom)));
        return "redirect:/admin/points/rules";
    }

    @AdminChange
    @PostMapping("/tiers")
    String saveTier(@RequestParam(required = false) Long id, @RequestParam(required = false) String name,
                    @RequestParam(required = false) Integer minEarned, @RequestParam(required = false) String benefits,
                    RedirectAttributes redirect) {
        flash.attempt(redirect, "tier.saved", () -> rules.saveTier(id, name, minEarned, benefits));
        return "redirect:/admin/points/rules";
    }

    @AdminChange
    @PostMapping("/settings")
    String saveSettings(@RequestParam(required = false) Integer expiryYears, @RequestParam(required = false) Integer reservationDays,
                        RedirectAttributes redirect) {
        flash.attempt(redirect, "setting.saved", () -> rules.saveSettings(expiryYears, reservationDays));
        return "redirect:/admin/points/rules";
    }

    // --- the catalogue ---

    @GetMapping("/rewards")
    String items(Model model) {
        model.addAttribute("items", rewards.items());
        return "points/admin-rewards";
    }

    @GetMapping("/rewards/new")
    String newItem(Model model) {
        model.addAttribute("rewardForm", new RewardForm());
        return itemForm(model, null);
    }

    @PostMapping("/rewards/new")
    String create(@Valid @ModelAttribute RewardForm rewardForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                rewards.create(rewardForm.details());
                flash.success(redirect, "reward.saved");
                return "redirect:/admin/points/rewards";
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, rewardForm);
            }
        }
        return itemForm(model, null);
    }

    @GetMapping("/rewards/{id}/edit")
    String editItem(@PathVariable long id, Model model) {
        model.addAttribute("rewardForm", RewardForm.of(rewards.item(id)));
        return itemForm(model, id);
    }

    @PostMapping("/rewards/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute RewardForm rewardForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        rewards.item(id);
        if (!result.hasErrors()) {
            try {
                rewards.update(id, rewardForm.details());
                flash.success(redirect, "reward.saved");
                return "redirect:/admin/points/rewards";
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, rewardForm);
            }
        }
        return itemForm(model, id);
    }

    @PostMapping("/rewards/{id}/publish")
    String publish(@PathVariable long id, @RequestParam boolean published, RedirectAttributes redirect) {
        flash.attempt(redirect, published ? "reward.on-shelf" : "reward.off-shelf", () -> rewards.publish(id, published));
        return "redirect:/admin/points/rewards";
    }

    @PostMapping("/rewards/{id}/picture")
    String picture(@PathVariable long id, @RequestParam(required = false) MultipartFile picture, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = picture == null ? null : picture.getBytes();
        flash.attempt(redirect, "reward.picture-saved", () -> rewards.setPicture(id, bytes));
        return "redirect:/admin/points/rewards/" + id + "/edit";
    }

    // --- the pickup desk ---

    @GetMapping("/pickup")
    String pickupForm(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            try {
                model.addAttribute("pickup", rewards.pickup(code));
            } catch (RuleViolationException refusal) {
                model.addAttribute("refusal", refusal);
            }
        }
        return "points/pickup";
    }

    @PostMapping("/pickup/{redemption}")
    String fulfil(@PathVariable long redemption, RedirectAttributes redirect) {
        flash.attempt(redirect, "pickup.fulfilled", () -> rewards.fulfil(redemption));
        return "redirect:/admin/points/pickup";
    }

    // --- a person's points ---

    @GetMapping("/accounts/{personId}")
    String account(@PathVariable long personId, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                   Model model) {
        model.addAttribute("view", bank.of(personId, Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "points/mine";
    }

    @PostMapping("/accounts/{personId}/adjust")
    String adjust(@PathVariable long personId, @RequestParam(required = false) Integer amount,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String requestKey,
                  RedirectAttributes redirect) {
        flash.attempt(redirect, "points.adjusted", () -> bank.adjust(personId, amount, reason, requestKey));
        return "redirect:/admin/points/accounts/" + personId;
    }

    // --- report and check ---

    @GetMapping("/report")
    String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(formats.zone());
        LocalDate start = from == null ? today.withDayOfYear(1) : from;
        LocalDate end = to == null ? today : to;
        model.addAttribute("report", bank.report(start, end));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return "points/admin-report";
    }

    @GetMapping("/check")
    String check(Model model) {
        model.addAttribute("mismatches", bank.check());
        return "points/admin-check";
    }

    private String itemForm(Model model, Long id) {
        model.addAttribute("itemId", id);
        model.addAttribute("choices", rewards.choices());
        model.addAttribute("kinds", RewardItem.Kind.values());
        return "points/admin-reward-form";
    }
}
