package com.countyleague.recruitment.web;

import java.time.Clock;
import java.time.LocalDate;

import com.countyleague.group.Groups;
import com.countyleague.member.People;
import com.countyleague.org.Organizations;
import com.countyleague.recruitment.Channel;
import com.countyleague.recruitment.Recruitment;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Campaigns for staff: set up, follow the applications and the funnel, nominate people. */
@Controller
@RequestMapping("/admin/campaigns")
class CampaignAdminController {

    private final Recruitment recruitment;
    private final Groups groups;
    private final Organizations organizations;
    private final People people;
    private final Flash flash;
    private final Clock clock;

    CampaignAdminController(Recruitment recruitment, Groups groups, Organizations organizations, People people, Flash flash, Clock clock) {
        this.recruitment = recruitment;
        this.groups = groups;
        this.organizations = organizations;
        this.people = people;
        this.flash = flash;
        this.clock = clock;
    }

    @InitBinder("campaignForm")
    void allowCampaignFields(WebDataBinder binder) {
        binder.setAllowedFields(CampaignForm.FIELDS);
    }

    @InitBinder("applicationForm")
    void allowApplicationFields(WebDataBinder binder) {
        binder.setAllowedFields(ApplicationForm.FIELDS);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("campaigns", recruitment.campaigns());
        model.addAttribute("today", LocalDate.now(clock));
        return "recruitment/list";
    }

    /** Applications whose identity number belongs to a person of the caller's reach, waiting for them to say it is that person. */
    @GetMapping("/reviews")
    String reviews(Model model) {
        model.addAttribute("rows", recruitment.reviews());
        return "recruitment/reviews";
    }

    @PostMapping("/reviews/{id}/confirm")
    String confirmReview(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, "application.review.confirmed", () -> recruitment.confirmReview(id));
        return "redirect:/admin/campaigns/reviews";
    }

    @PostMapping("/reviews/{id}/refuse")
    String refuseReview(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "application.review.refused", () -> recruitment.refuseReview(id, note));
        return "redirect:/admin/campaigns/reviews";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        CampaignForm form = new CampaignForm();
        form.setOpensOn(LocalDate.now(clock));
        form.setClosesOn(LocalDate.now(clock).plusMonths(1));
        model.addAttribute("campaignForm", form);
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute CampaignForm campaignForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = recruitment.create(campaignForm.details());
                flash.success(redirect, "campaign.created");
                return "redirect:/admin/campaigns/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, campaignForm);
            }
        }
        return form(model, null);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("view", recruitment.page(id));
        if (!model.containsAttribute("applicationForm")) {
            model.addAttribute("applicationForm", new ApplicationForm());
        }
        return "recruitment/detail";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("campaignForm", CampaignForm.of(recruitment.campaign(id)));
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute CampaignForm campaignForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        recruitment.campaign(id);
        if (!result.hasErrors()) {
            try {
                recruitment.update(id, campaignForm.details());
                flash.success(redirect, "campaign.updated");
                return "redirect:/admin/campaigns/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, campaignForm);
            }
        }
        return form(model, id);
    }

    /** 举荐: staff name someone of their reach, by identity number. */
    @PostMapping("/{id}/nominate")
    String nominate(@PathVariable long id, @Valid @ModelAttribute ApplicationForm applicationForm, BindingResult result,
                    Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                recruitment.nominate(id, applicationForm.form());
                flash.success(redirect, "campaign.nominated");
                return "redirect:/admin/campaigns/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, applicationForm);
            }
        }
        return detail(id, model);
    }

    private String form(Model model, Long id) {
        model.addAttribute("campaignId", id);
        model.addAttribute("hosts", organizations.inReach());
        model.addAttribute("branches", people.branchesInReach());
        model.addAttribute("groupChoices", groups.inReach());
        model.addAttribute("channelValues", Channel.values());
        return "recruitment/form";
    }
}
