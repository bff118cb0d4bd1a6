package com.countyleague.web;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Turns the application's refusals into friendly pages with the right status: a rule or a conflict
 * is the user's to fix (409), never a 500. Access refusals are left to Spring Security (403 page).
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final MessageSource messages;

    ErrorHandling(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "error.404.text");
    }

    /** A staff account without a person opened a member's page (a bookmark, a link in a message): back home, told why. */
    @ExceptionHandler(NoPersonException.class)
    String noPerson(NoPersonException e, HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put("failure",
                messages.getMessage("account.no-person.redirected", null, LocaleContextHolder.getLocale()));
        return "redirect:/";
    }

    @ExceptionHandler(RuleViolationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView ruleViolated(RuleViolationException e) {
        ModelAndView page = page(HttpStatus.CONFLICT, null);
        page.addObject("reason", messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
        return page;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView changedMeanwhile(OptimisticLockingFailureException e) {
        return page(HttpStatus.CONFLICT, "error.conflict.changed");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ModelAndView integrity(DataIntegrityViolationException e) {
        log.info("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return page(HttpStatus.CONFLICT, "error.conflict.integrity");
    }

    private ModelAndView page(HttpStatus status, String reasonKey) {
        ModelAndView page = new ModelAndView("error/4xx");
        page.setStatus(status);
        page.addObject("status", status.value());
        if (reasonKey != null) {
            page.addObject("reason", messages.getMessage(reasonKey, null, LocaleContextHolder.getLocale()));
        }
        return page;
    }
}
