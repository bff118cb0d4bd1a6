package com.countyleague.member.web;

import com.countyleague.member.Notifications;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** A member's messages: what was decided about them, newest first; opening the page reads them. */
@Controller
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/me/notifications")
    String mine(Model model) {
        model.addAttribute("notifications", notifications.mine());
        return "member/notifications";
    }
}
