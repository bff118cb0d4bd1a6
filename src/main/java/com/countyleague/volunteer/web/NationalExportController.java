package com.countyleague.volunteer.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import com.countyleague.volunteer.NationalExports;
import com.countyleague.web.Download;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Service records for the national volunteer system: a subtree's period, its export and the system's answer. */
@Controller
class NationalExportController {

    private final NationalExports exports;
    private final Formats formats;
    private final Flash flash;

    NationalExportController(NationalExports exports, Formats formats, Flash flash) {
        this.exports = exports;
        this.formats = formats;
        this.flash = flash;
    }

    @GetMapping("/admin/service/national")
    String page(@RequestParam(required = false) Long under, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(formats.zone());
        model.addAttribute("overview", exports.overview(under, from == null ? today.withDayOfMonth(1).minusMonths(1) : from,
                to == null ? today : to));
        return "volunteer/national";
    }

    @GetMapping("/admin/service/national/export")
    void export(@RequestParam(required = false) Long under, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response) throws IOException {
        exports.export(under, from, to, Download.xlsx(response, "volunteer-records-" + from + "-" + to + ".xlsx"));
    }

    @PostMapping("/admin/service/national/acceptance")
    String acceptance(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        flash.attempt(redirect, "national.imported", () -> exports.importAcceptance(bytes));
        return "redirect:/admin/service/national";
    }
}
