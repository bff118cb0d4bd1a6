package com.countyleague.member.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import com.countyleague.member.ImportJob;
import com.countyleague.member.PeopleImports;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import: {@code POST /admin/people/import} with the multipart field {@code file} answers with
 * the preview page (a progress bar first, for large sheets); the preview stays at
 * {@code /admin/people/import/{job}} to come back to.
 */
@Controller
@RequestMapping("/admin/people/import")
class ImportController {

    private final PeopleImports imports;
    private final Flash flash;

    ImportController(PeopleImports imports, Flash flash) {
        this.imports = imports;
        this.flash = flash;
    }

    @GetMapping
    String uploadForm() {
        imports.requireImporter();
        return "member/import";
    }

    @GetMapping("/template")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-template.xlsx\"")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(imports.template());
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        try {
            long job = imports.upload(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            return preview(job, 0, 50, model);
        } catch (RuleViolationException refusal) {
            model.addAttribute("refusal", refusal.messageKey());
            return "member/import";
        }
    }

    @GetMapping("/{job}")
    String preview(@PathVariable long job, @RequestParam(defaultValue = "0") int page,
                   @RequestParam(defaultValue = "50") int size, Model model) {
        model.addAttribute("view", imports.view(job, Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("jobId", job);
        model.addAttribute("progress", imports.progress(job));
        return "member/import-job";
    }

    /** What the progress bar polls; once the work is done it asks the page to reload. */
    @GetMapping("/{job}/progress")
    String progress(@PathVariable long job, Model model, HttpServletResponse response) {
        PeopleImports.Progress progress = imports.progress(job);
        if (progress.status() != ImportJob.Status.VALIDATING && progress.status() != ImportJob.Status.COMMITTING) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("jobId", job);
        model.addAttribute("progress", progress);
        return "member/_progress :: bar";
    }

    @PostMapping("/{job}/confirm")
    String confirm(@PathVariable long job, RedirectAttributes redirect) {
        try {
            imports.confirm(job);
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/people/import/" + job;
    }
}
