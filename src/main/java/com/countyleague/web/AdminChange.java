package com.countyleague.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that changes accounts, the organisation tree or the county's configuration: it is
 * refused without a reason (the {@code reason} field, 200 characters at most), which the operation log
 * keeps with who, when and what.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminChange {

    /** The form field that carries the reason. */
    String FIELD = "reason";

    int MAX_LENGTH = 200;
}
