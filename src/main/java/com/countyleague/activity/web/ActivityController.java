package com.countyleague.activity.web;

import java.io.IOException;
import java.time.LocalDate;

import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Organising activities, for secretaries at a desk and group leaders on a phone: the list, the form,
 * and the page where an activity is run (sign-ups, attendance, proofs, record and photos).
 */
@Controller
@RequestMapping("/activities")
class ActivityController {

    private final Activities activities;
    private final Formats formats;
    private final Flash flash;

    ActivityController(Activities activities, Formats formats, Flash flash) {
        this.activities = activities;
        this.formats = formats;
        this.flash = flash;
    }

    @InitBinder("activityForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(ActivityForm.FIELDS);
    }

    @GetMapping
    String list(@RequestParam(required = false) Activity.Type type, @RequestParam(required = false) Long group,
                @RequestParam(required = false) String text,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", activities.search(new Activities.Search(type, group, text, from, to), Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("types", Activity.Type.values());
        return "activity/list";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long group, Model model) {
        ActivityForm form = new ActivityForm();
        form.setGroupId(group);
        model.addAttribute("activityForm", form);
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute ActivityForm activityForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = activities.create(activityForm.details(formats.zone()));
                flash.success(redirect, "activity.created");
                return "redirect:/activities/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, activityForm);
            }
        }
        return form(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("activityForm", ActivityForm.of(activities.settings(id), formats.zone()));
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute ActivityForm activityForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        activities.settings(id);
        if (!result.hasErrors()) {
            try {
                activities.update(id, activityForm.details(formats.zone()));
                flash.success(redirect, "activity.updated");
                return "redirect:/activities/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, activityForm);
            }
        }
        return form(model, id);
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("view", activities.page(id));
        return "activity/manage";
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "activity.published", () -> activities.publish(id));
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "activity.cancelled-done", () -> activities.cancel(id));
    }

    @PostMapping("/{id}/record")
    String record(@PathVariable long id, @RequestParam(required = false) String summary, RedirectAttributes redirect) {
        return act(id, redirect, "activity.record.saved", () -> activities.writeRecord(id, summary));
    }

    @PostMapping("/{id}/photos")
    String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = photo == null ? null : photo.getBytes();
        return act(id, redirect, "photo.saved", () -> activities.addPhoto(id, bytes));
    }

    /** A record photo for organisers, a proof also for its sender; never cached by shared caches. */
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        Activities.PhotoFile file = activities.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).header("X-Content-Type-Options", "nosniff").body(file.bytes());
    }

    @GetMapping("/report")
    String report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(formats.zone());
        LocalDate start = from == null ? today.withDayOfMonth(1).minusMonths(5) : from;
        LocalDate end = to == null ? today : to;
        model.addAttribute("rows", activities.report(start, end));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return "activity/report";
    }

    private String form(Model model, Long id) {
        model.addAttribute("activityId", id);
        Activities.HostChoices choices = activities.hostChoices();
        model.addAttribute("hosts", choices.hosts());
        model.addAttribute("groups", choices.groups());
        model.addAttribute("types", Activity.Type.values());
        model.addAttribute("modes", Activity.Mode.values());
        return "activity/form";
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        flash.attempt(redirect, success, action);
        return "redirect:/activities/" + id;
    }
}
