package com.countyleague.recruitment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;

import com.countyleague.recruitment.Campaign;
import com.countyleague.recruitment.Channel;
import com.countyleague.recruitment.Recruitment;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** A campaign's public page (招募令), open to anyone while the campaign runs; made for phones. */
@Controller
@RequestMapping("/join/{code}")
class PublicApplicationController {

    private final Recruitment recruitment;
    private final Clock clock;

    PublicApplicationController(Recruitment recruitment, Clock clock) {
        this.recruitment = recruitment;
        this.clock = clock;
    }

    @InitBinder("applicationForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(ApplicationForm.FIELDS);
    }

    @GetMapping
    String page(@PathVariable String code, Model model) {
        model.addAttribute("applicationForm", new ApplicationForm());
        return page(code, model, recruitment.published(code));
    }

    @PostMapping
    String apply(@PathVariable String code, @Valid @ModelAttribute ApplicationForm applicationForm, BindingResult result, Model model) {
        Campaign campaign = recruitment.published(code);
        if (!result.hasErrors()) {
            try {
                recruitment.apply(code, applicationForm.form());
                model.addAttribute("campaign", campaign);
                return "recruitment/thanks";
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, applicationForm);
            }
        }
        return page(code, model, campaign);
    }

    private String page(String code, Model model, Campaign campaign) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("open", campaign.isOpenOn(LocalDate.now(clock)));
        model.addAttribute("groups", recruitment.targetGroups(campaign));
        model.addAttribute("channelValues", Arrays.stream(Channel.values())
                .filter(c -> c.isPublic() && campaign.channel(c).isPresent()).toList());
        return "recruitment/join";
    }
}
