package com.countyleague.council.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import com.countyleague.council.MyIssues;
import com.countyleague.member.Dictionaries;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.Unattributed;

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

/**
 * A member's residents' issues on their phone. Every change a member makes here is left out of the
 * operation log's who and where: the issue may be anonymous, and its reporter must not be traceable.
 */
@Controller
class MyIssuesController {

    private final MyIssues issues;
    private final Dictionaries dictionaries;
    private final Flash flash;

    MyIssuesController(MyIssues issues, Dictionaries dictionaries, Flash flash) {
        this.issues = issues;
        this.dictionaries = dictionaries;
        this.flash = flash;
    }

    @InitBinder("issueForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(IssueForm.MEMBER_FIELDS);
    }

    @GetMapping("/me/issues")
    String mine(Model model) {
        model.addAttribute("issues", issues.mine());
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/my-issues";
    }

    @GetMapping("/me/issues/new")
    String newForm(Model model) {
        model.addAttribute("issueForm", new IssueForm());
        return form(model);
    }

    @PostMapping("/me/issues/new")
    String report(@Valid @ModelAttribute IssueForm issueForm, BindingResult result,
                  @RequestParam(required = false) MultipartFile photo, Model model, RedirectAttributes redirect,
                  HttpServletRequest request) throws IOException {
        Unattributed.mark(request);
        if (!result.hasErrors()) {
            try {
                long id = issues.report(new MyIssues.Report(issueForm.getScope(), issueForm.getNature(), issueForm.getCompoundId(),
                        issueForm.getBuildingId(), issueForm.getTitle(), issueForm.getDescription(), issueForm.isAnonymous(),
                        photo == null ? null : photo.getBytes()));
                flash.success(redirect, "issue.reported");
                return "redirect:/me/issues/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, issueForm);
            }
        }
        return form(model);
    }

    @GetMapping("/me/issues/{id}")
    String issue(@PathVariable long id, Model model) {
        model.addAttribute("view", issues.issue(id));
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/my-issue";
    }

    @PostMapping("/me/issues/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String feedback,
                 @RequestParam(required = false) Integer satisfaction, RedirectAttributes redirect, HttpServletRequest request) {
        Unattributed.mark(request);
        flash.attempt(redirect, "issue.closed", () -> issues.close(id, feedback, satisfaction));
        return "redirect:/me/issues/" + id;
    }

    @PostMapping("/me/issues/{id}/photos")
    String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect,
                    HttpServletRequest request) throws IOException {
        Unattributed.mark(request);
        byte[] bytes = photo == null ? new byte[0] : photo.getBytes();
        flash.attempt(redirect, "issue.photo.added", () -> issues.addPhoto(id, bytes));
        return "redirect:/me/issues/" + id;
    }

    @GetMapping("/me/issues/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        var photo = issues.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.bytes());
    }

    private String form(Model model) {
        model.addAttribute("places", issues.places());
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/my-issue-form";
    }
}
