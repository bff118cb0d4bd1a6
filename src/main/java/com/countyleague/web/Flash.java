package com.countyleague.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The toast shown after a redirect: a success, or the reason something was refused. */
@Component
public class Flash {

    private final MessageSource messages;

    Flash(MessageSource messages) {
        this.messages = messages;
    }

    public void success(RedirectAttributes redirect, String messageKey, Object... arguments) {
        redirect.addFlashAttribute("success", text(messageKey, arguments));
    }

    public void failure(RedirectAttributes redirect, RuleViolationException refusal) {
        redirect.addFlashAttribute("failure", text(refusal.messageKey(), refusal.arguments()));
    }

    /** Runs what a form asked for, then toasts its success or the reason it was refused; the caller redirects either way. */
    public void attempt(RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            success(redirect, successKey);
        } catch (RuleViolationException refusal) {
            failure(redirect, refusal);
        }
    }

    private String text(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
