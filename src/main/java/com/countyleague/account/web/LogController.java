package com.countyleague.account.web;


import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import com.countyleague.account.Accounts;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.LoginLog;
import com.countyleague.account.OnlineSessions;
import com.countyleague.account.OperationLog;
import com.countyleague.account.OperationRecord;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Download;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What an auditor asks for: the login log (with unlocking), the operation log and who is online. */
@Controller
class LogController {

    private final LoginLog loginLog;
    private final OperationLog operationLog;
    private final OnlineSessions onlineSessions;
    private final Accounts accounts;
    private final AuditTrail auditTrail;
    private final Flash flash;

    LogController(LoginLog loginLog, OperationLog operationLog, OnlineSessions onlineSessions, Accounts accounts,
                  AuditTrail auditTrail, Flash flash) {
        this.auditTrail = auditTrail;
        this.loginLog = loginLog;
        this.operationLog = operationLog;
        this.onlineSessions = onlineSessions;
        this.accounts = accounts;
        this.flash = flash;
    }

    @GetMapping("/admin/logs/logins")
    String logins(@RequestParam(required = false) String username, @RequestParam(required = false) LoginLog.Result result,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", loginLog.search(new LoginLog.Filter(username, result, from, to),
                Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("locked", accounts.lockedNow());
        model.addAttribute("results", LoginLog.Result.values());
        return "account/logins";
    }

    @AdminChange
    @PostMapping("/admin/logs/logins/unlock/{accountId}")
    String unlock(@PathVariable long accountId, RedirectAttributes redirect) {
        accounts.unlock(accountId);
        flash.success(redirect, "log.unlocked");
        return "redirect:/admin/logs/logins";
    }

    @GetMapping("/admin/logs/operations")
    String operations(@RequestParam(required = false) String operator,
                      @RequestParam(required = false) OperationRecord.Result result,
                      @RequestParam(required = false) String text,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", operationLog.search(new OperationLog.Filter(operator, result, text, from, to),
                Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("results", OperationRecord.Result.values());
        return "account/operations";
    }

    @GetMapping("/admin/logs/audit")
    String audit(@RequestParam(required = false) String operator, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String target,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", auditTrail.search(new AuditTrail.Filter(operator, action, target, from, to),
                Paging.of(page, size, Sort.unsorted())));
        return "account/audit";
    }

    @GetMapping("/admin/logs/audit/export")
    void exportAudit(@RequestParam(required = false) String operator, @RequestParam(required = false) String action,
                     @RequestParam(required = false) String target,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     HttpServletResponse response) throws IOException {
        auditTrail.export(new AuditTrail.Filter(operator, action, target, from, to), Download.xlsx(response, "audit-log.xlsx"));
    }

    @GetMapping("/admin/online")
    String online(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", onlineSessions.list(Paging.of(page, size, Sort.unsorted())));
        return "account/online";
    }

    @AdminChange
    @PostMapping("/admin/online/{reference}/logout")
    String forceLogout(@PathVariable String reference, RedirectAttributes redirect) {
        flash.success(redirect, onlineSessions.forceLogout(reference) ? "online.logged-out" : "online.already-gone");
        return "redirect:/admin/online";
    }
}
