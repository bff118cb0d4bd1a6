package com.countyleague.dashboard.web;

import com.countyleague.account.Viewer;
import com.countyleague.dashboard.Dashboard;
import com.countyleague.dashboard.MemberHome;
import com.countyleague.dashboard.StaffHome;

import java.time.YearMonth;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Each role's home page, and the dashboard of a subtree with its month and unit picker. */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final StaffHome staffHome;
    private final MemberHome memberHome;
    private final Viewer viewer;

    DashboardController(Dashboard dashboard, StaffHome staffHome, MemberHome memberHome, Viewer viewer) {
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

    @GetMapping("/me/home")
    String memberHome(Model model) {
        model.addAttribute("home", memberHome.home());
        return "dashboard/member-home";
    }
}
