package com.countyleague.venue;

import com.countyleague.account.Actors;
import com.countyleague.member.Notifications;
import com.countyleague.member.Notifications.Reminder;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A loan past its due date: the borrower is reminded, once. */
@Component
class ToolReminders {

    private final ToolHouse tools;
    private final ToolItemRepository items;
    private final Notifications notifications;
    private final Actors actors;
    private final Clock clock;

    ToolReminders(ToolHouse tools, ToolItemRepository items, Notifications notifications, Actors actors, Clock clock) {
        this.tools = tools;
        this.items = items;
        this.notifications = notifications;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(cron = "${league.reminders.cron:0 */15 * * * *}", zone = "${league.zone}")
    int remind() {
        return actors.asSystem(() -> notifications.remindAll(tools.overdue(LocalDate.now(clock)).stream()
                .map(loan -> new Reminder("loan-overdue", loan.getId(), loan.getPersonId(), "tool.notice.overdue", "/me/tools",
                        items.findById(loan.getItemId()).map(ToolItem::getName).orElse(""), loan.getDueOn()))
                .toList()));
    }
}
