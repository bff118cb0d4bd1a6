package com.countyleague.orglife.web;

import java.io.IOException;
import java.util.List;

import com.countyleague.member.People;
import com.countyleague.orglife.Compliance;
import com.countyleague.orglife.MeetingKind;
import com.countyleague.orglife.Meetings;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.Valid;

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

/** 三会一课: the compliance of a unit's branches, recording a meeting, a meeting's page and photos, the county's frequencies. */
@Controller
@RequestMapping("/admin/meetings")
class MeetingController {

    private final Meetings meetings;
    private final Compliance compliance;
    private final People people;
    private final Flash flash;

    MeetingController(Meetings meetings, Compliance compliance, People people, Flash flash) {
        this.meetings = meetings;
        this.compliance = compliance;
        this.people = people;
        this.flash = flash;
    }

    @InitBinder("meetingForm")
    void allowMeetingFields(WebDataBinder binder) {
        binder.setAllowedFields(MeetingForm.FIELDS);
    }

    @GetMapping
    String compliance(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year, Model model) {
        Compliance.View view = compliance.view(org, year);
        model.addAttribute("view", view);
        model.addAttribute("requirements", compliance.requirements());
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("meetings", view.branches().size() == 1 ? meetings.ofBranch(view.branches().get(0).organizationId(), view.year())
                : List.of());
        return "orglife/compliance";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long org, @RequestParam(required = false) MeetingKind kind,
                   @RequestParam(required = false) Long activityId, Model model) {
        MeetingForm form = new MeetingForm();
        form.setOrganizationId(org);
        if (kind != null) {
            form.setKind(kind);
        }
        List<Meetings.FromActivity> activities = activitiesOf(org);
        // held as an activity of the branch: its title, day and check-ins, for the secretary to review
        activities.stream().filter(a -> activityId != null && a.id() == activityId).findFirst().ifPresent(a -> {
            form.setActivityId(a.id());
            form.setTopic(a.title());
            form.setHeldOn(a.heldOn());
            form.setAttendeeIds(List.copyOf(a.present()));
        });
        model.addAttribute("meetingForm", form);
        return form(model, form, activities);
    }

    @PostMapping("/new")
    String record(@Valid @ModelAttribute MeetingForm meetingForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = meetings.record(meetingForm.draft());
                flash.success(redirect, "meeting.recorded");
                return "redirect:/admin/meetings/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, meetingForm);
            }
        }
        return form(model, meetingForm, activitiesOf(meetingForm.getOrganizationId()));
    }

    @GetMapping("/{id}")
    String meeting(@PathVariable long id, Model model) {
        model.addAttribute("page", meetings.page(id));
        return "orglife/meeting";
    }

    @PostMapping("/{id}/photos")
    String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = photo == null ? null : photo.getBytes();
        flash.attempt(redirect, "photo.saved", () -> meetings.addPhoto(id, bytes));
        return "redirect:/admin/meetings/" + id;
    }

    /** A meeting's photo for staff who reach its branch; never cached by shared caches. */
    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        Meetings.Photo file = meetings.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate()).header("X-Content-Type-Options", "nosniff").body(file.bytes());
    }

    @AdminChange
    @PostMapping("/requirements")
    String require(@RequestParam(required = false) MeetingKind kind, @RequestParam(required = false) Integer periodMonths,
                   RedirectAttributes redirect) {
        flash.attempt(redirect, "meeting.requirement.saved", () -> compliance.require(kind, periodMonths));
        return "redirect:/admin/meetings";
    }

    /** The form, with the branches in reach to choose from and the chosen branch's members to tick. */
    private String form(Model model, MeetingForm form, List<Meetings.FromActivity> activities) {
        model.addAttribute("branches", people.branchesInReach());
        model.addAttribute("kinds", MeetingKind.values());
        model.addAttribute("members", form.getOrganizationId() == null ? List.of() : meetings.membersToTick(form.getOrganizationId()));
        model.addAttribute("activities", activities);
        return "orglife/meeting-form";
    }

    private List<Meetings.FromActivity> activitiesOf(Long org) {
        return org == null ? List.of() : meetings.fromActivities(org);
    }
}
