package com.countyleague.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A message with a list of arguments, in the user's language: {@code ${@texts.of(key, args)}}.
 * Thymeleaf's {@code #{key(${args})}} would pass the list as one argument.
 */
@Component("texts")
public class Texts {

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key) {
        return of(key, new Object[0]);
    }

    public String of(String key, Object[] arguments) {
        return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }
}
