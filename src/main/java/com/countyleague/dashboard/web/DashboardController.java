package com.countyleague.dashboard.web;

import com.countyleague.account.Viewer;
import com.countyleague.dashboard.Dashboard;
import com.countyleague.dashboard.MemberHome;
import com.countyleague.dashboard.MonthlyReports;
import com.countyleague.dashboard.StaffHome;
import com.countyleague.web.Flash;

import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each role's home page, and the dashboard of a subtree with its month and unit picker. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final StaffHome staffHome;
    private final MemberHome memberHome;
    private final MonthlyReports reports;
    private final Viewer viewer;
    private final Flash flash;

    DashboardController(Dashboard dashboard, StaffHome staffHome, MemberHome memberHome, MonthlyReports reports, Viewer viewer,
                        Flash flash) {
        this.flash = flash;
        this.reports = reports;
        this.dashboard = dashboard;
        this.staffHome = staffHome;
        this.memberHome = memberHome;
        this.viewer = viewer;
    }

    /** Admins land on the dashboard of their reach, secretaries on their branch's day, group leaders on their groups. */
    @GetMapping("/admin/")
    String home(Model model) {
        if (viewer.admin()) {
            return board(null, null, model);
        }
        if (viewer.staff()) {
            model.addAttribute("today", staffHome.today());
            return "dashboard/today";
        }
        model.addAttribute("led", staffHome.led());
        return "dashboard/leader";
    }

    @GetMapping("/admin/dashboard")
    String board(@RequestParam(required = false) Long org,
                 @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month, Model model) {
        model.addAttribute("board", dashboard.board(org, month));
        model.addAttribute("charts", true);
        return "dashboard/board";
    }

    /** An admin brings the figures up to date now rather than at the next quarter of an hour. */
    @PostMapping("/admin/dashboard/refresh")
    String refresh(@RequestParam(required = false) Long org, RedirectAttributes redirect) {
        flash.success(redirect, dashboard.refresh() ? "dashboard.refreshed" : "dashboard.refreshing");
        return org == null ? "redirect:/admin/dashboard" : "redirect:/admin/dashboard?org=" + org;
    }

    /** The month's report of the subtree shown, as a workbook or a PDF. */
    @GetMapping("/admin/dashboard/report")
    ResponseEntity<byte[]> report(@RequestParam(required = false) Long org,
                                  @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                                  @RequestParam(defaultValue = "XLSX") MonthlyReports.Format format) {
        return download(reports.report(org, month, format));
    }

    /** The county's reports of the last twelve months, produced on the first of each month. */
    @GetMapping("/admin/dashboard/reports")
    String storedReports(Model model) {
        model.addAttribute("reports", reports.stored());
        return "dashboard/reports";
    }

    @GetMapping("/admin/dashboard/reports/{id}")
    ResponseEntity<byte[]> storedReport(@PathVariable long id, @RequestParam(defaultValue = "XLSX") MonthlyReports.Format format) {
        return download(reports.storedFile(id, format));
    }

    private static ResponseEntity<byte[]> download(MonthlyReports.File file) {
        MediaType type = file.format() == MonthlyReports.Format.PDF ? MediaType.APPLICATION_PDF
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name()).build().toString())
                .body(file.bytes());
    }

    @GetMapping("/me/home")
    String memberHome(Model model) {
        model.addAttribute("home", memberHome.home());
        return "dashboard/member-home";
    }
}
