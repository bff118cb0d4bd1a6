package com.countyleague.web;

import java.util.Arrays;

import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.validation.Errors;

/**
 * A business rule refused the request. Carries a message key (and the form field it concerns, if
 * any) so that a controller can show it next to the field, or the error page can show it in the
 * user's language. Answered with 409 when no controller handles it.
 */
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public RuleViolationException(String field, String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public static RuleViolationException of(String messageKey, Object... arguments) {
        return new RuleViolationException(null, messageKey, arguments);
    }

    /** The form field this concerns, or {@code null} when it concerns the whole form. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** Shows this refusal on a form: next to its field when the form has it, else above the form. */
    public void addTo(Errors errors, Object form) {
        if (field != null && PropertyAccessorFactory.forBeanPropertyAccess(form).isReadableProperty(field)) {
            errors.rejectValue(field, messageKey, arguments, null);
        } else {
            errors.reject(messageKey, arguments, null);
        }
    }
}
