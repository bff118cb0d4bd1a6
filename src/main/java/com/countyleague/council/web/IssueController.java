package com.countyleague.council.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.countyleague.council.ResidentIssue;
import com.countyleague.council.ResidentIssues;
import com.countyleague.group.Groups;
import com.countyleague.member.Dictionaries;
import com.countyleague.org.Organizations;
import com.countyleague.web.Download;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Residents' issues for staff: the lists of their reach, raising one, and an issue's page with each step of its workflow. */
@Controller
class IssueController {

    private final ResidentIssues issues;
    private final Organizations organizations;
    private final Groups groups;
    private final Dictionaries dictionaries;
    private final MessageSource messages;
    private final Flash flash;

    IssueController(ResidentIssues issues, Organizations organizations, Groups groups, Dictionaries dictionaries,
                    MessageSource messages, Flash flash) {
        this.issues = issues;
        this.organizations = organizations;
        this.groups = groups;
        this.dictionaries = dictionaries;
        this.messages = messages;
        this.flash = flash;
    }

    @InitBinder("issueForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(IssueForm.STAFF_FIELDS);
    }

    @GetMapping("/admin/issues")
    String list(@RequestParam(required = false) ResidentIssue.Status status, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) Long under, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "50") int size, Model model) {
        model.addAttribute("list", issues.list(new ResidentIssues.Filter(status, overdue, under), Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("statuses", ResidentIssue.Status.values());
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/issues";
    }

    @GetMapping("/admin/issues/export")
    void export(@RequestParam(required = false) ResidentIssue.Status status, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) Long under, HttpServletResponse response) throws IOException {
        issues.export(new ResidentIssues.Filter(status, overdue, under),
                key -> messages.getMessage(key, null, LocaleContextHolder.getLocale()), Download.xlsx(response, "resident-issues.xlsx"));
    }

    @GetMapping("/admin/issues/new")
    String newForm(@RequestParam(required = false) Long organizationId, Model model) {
        IssueForm form = new IssueForm();
        form.setOrganizationId(organizationId);
        model.addAttribute("issueForm", form);
        return form(model, form);
    }

    @PostMapping("/admin/issues/new")
    String raise(@Valid @ModelAttribute IssueForm issueForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (issueForm.getOrganizationId() == null) {
            result.rejectValue("organizationId", "validation.required");
        }
        if (!result.hasErrors()) {
            try {
                long id = issues.raise(issueForm.report());
                flash.success(redirect, "issue.raised");
                return "redirect:/admin/issues/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, issueForm);
            }
        }
        return form(model, issueForm);
    }

    @GetMapping("/admin/issues/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("view", issues.page(id));
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/issue";
    }

    @PostMapping("/admin/issues/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) Long assigneeId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, RedirectAttributes redirect) {
        return step(id, redirect, "issue.accepted", () -> issues.accept(id, assigneeId, dueOn));
    }

    @PostMapping("/admin/issues/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) Long assigneeId,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, RedirectAttributes redirect) {
        return step(id, redirect, "issue.assigned", () -> issues.assign(id, assigneeId, dueOn));
    }

    @PostMapping("/admin/issues/{id}/start")
    String start(@PathVariable long id, RedirectAttributes redirect) {
        return step(id, redirect, "issue.started", () -> issues.start(id));
    }

    @PostMapping("/admin/issues/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam(required = false) String resolution, RedirectAttributes redirect) {
        return step(id, redirect, "issue.resolved", () -> issues.resolve(id, resolution));
    }

    @PostMapping("/admin/issues/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return step(id, redirect, "issue.rejected", () -> issues.reject(id, reason));
    }

    @PostMapping("/admin/issues/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String feedback,
                 @RequestParam(required = false) Integer satisfaction, RedirectAttributes redirect) {
        return step(id, redirect, "issue.closed", () -> issues.close(id, feedback, satisfaction));
    }

    @PostMapping("/admin/issues/{id}/photos")
    String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = photo == null ? new byte[0] : photo.getBytes();
        return step(id, redirect, "issue.photo.added", () -> issues.addPhoto(id, bytes));
    }

    @GetMapping("/admin/issues/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        var photo = issues.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.bytes());
    }

    private String step(long id, RedirectAttributes redirect, String success, Runnable action) {
        flash.attempt(redirect, success, action);
        return "redirect:/admin/issues/" + id;
    }

    private String form(Model model, IssueForm form) {
        var units = organizations.inReach();
        if (form.getOrganizationId() == null && !units.isEmpty()) {
            form.setOrganizationId(units.get(0).getId());
        }
        model.addAttribute("units", units);
        model.addAttribute("places", form.getOrganizationId() == null ? List.of() : issues.places(form.getOrganizationId()));
        model.addAttribute("councils", groups.inReach().stream().filter(g -> g.getKind().isCouncil()).toList());
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/issue-form";
    }
}
