package com.countyleague.volunteer.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.countyleague.volunteer.Rosters;
import com.countyleague.volunteer.VolunteerPost;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.Valid;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Volunteer posts and their rosters: set up by staff, run by staff and team leaders on a phone. */
@Controller
@RequestMapping("/volunteer/posts")
class PostController {

    private final Rosters rosters;
    private final Formats formats;
    private final Flash flash;

    PostController(Rosters rosters, Formats formats, Flash flash) {
        this.rosters = rosters;
        this.formats = formats;
        this.flash = flash;
    }

    @InitBinder("postForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(PostForm.FIELDS);
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("posts", rosters.posts());
        return "volunteer/posts";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("postForm", new PostForm());
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute PostForm postForm, BindingResult result, Model model, RedirectAttributes redirect) {
        return save(null, postForm, result, model, redirect);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("postForm", PostForm.of(rosters.settings(id)));
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute PostForm postForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        rosters.settings(id);
        return save(id, postForm, result, model, redirect);
    }

    @GetMapping("/{id}")
    String roster(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  Model model) {
        LocalDate monday = LocalDate.now(formats.zone()).with(DayOfWeek.MONDAY);
        model.addAttribute("view", rosters.roster(id, from == null ? monday : from));
        model.addAttribute("nextMonday", LocalDate.now(formats.zone()).with(DayOfWeek.MONDAY).plusWeeks(1));
        return "volunteer/roster";
    }

    @PostMapping("/{id}/generate")
    String generate(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(defaultValue = "4") int weeks, RedirectAttributes redirect) {
        try {
            Rosters.Generated done = rosters.generate(id, from, weeks);
            flash.success(redirect, "roster.generated", done.shifts(), done.members(), done.fewest(), done.most(), done.unfilled());
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/volunteer/posts/" + id + (from == null ? "" : "?from=" + from);
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable long id, @RequestParam(name = "ids", required = false) Long[] ids, @RequestParam boolean kept,
                   RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : Arrays.asList(ids);
        try {
            flash.success(redirect, kept ? "roster.confirmed-kept" : "roster.confirmed-missed", rosters.confirm(id, chosen, kept));
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/volunteer/posts/" + id;
    }

    @PostMapping("/{id}/swaps/{swap}")
    String decideSwap(@PathVariable long id, @PathVariable long swap, @RequestParam boolean approve, RedirectAttributes redirect) {
        flash.attempt(redirect, approve ? "swap.approved" : "swap.rejected", () -> rosters.decideSwap(swap, approve));
        return "redirect:/volunteer/posts/" + id;
    }

    private String save(Long id, PostForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        VolunteerPost.Details details = result.hasErrors() ? null : form.details();
        if (!result.hasErrors() && details == null) {
            result.rejectValue("slots", "post.slots.format");
        }
        if (!result.hasErrors()) {
            try {
                Long saved = id;
                if (id == null) {
                    saved = rosters.create(details);
                } else {
                    rosters.update(id, details);
                }
                flash.success(redirect, "post.saved");
                return "redirect:/volunteer/posts/" + saved;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, form);
            }
        }
        return form(model, id);
    }

    private String form(Model model, Long id) {
        model.addAttribute("postId", id);
        model.addAttribute("choices", rosters.choices());
        model.addAttribute("statuses", VolunteerPost.Status.values());
        return "volunteer/post-form";
    }
}
