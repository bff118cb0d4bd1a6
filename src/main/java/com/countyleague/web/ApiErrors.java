package com.countyleague.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the JSON API ({@code @RestController}s) as JSON in the caller's language:
 * {@code {"error": key, "message": text}}, 409 for a rule, 404 for what is not there. A controller's own
 * advice, ordered before this one, may answer a refusal otherwise.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class ApiErrors {

    public record ErrorJson(String error, String message) {
    }

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The refusal as the API answers it. */
    public ErrorJson json(RuleViolationException e) {
        return new ErrorJson(e.messageKey(), messages.getMessage(e.messageKey(), e.arguments(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ErrorJson> refused(RuleViolationException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(json(e));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorJson> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new ErrorJson("not-found",
                messages.getMessage("error.404.text", null, LocaleContextHolder.getLocale())));
    }
}
