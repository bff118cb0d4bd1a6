package com.countyleague.member;

/** One thing wrong with a person's record: the field, the message key and its arguments. */
public record Problem(String field, String key, Object... args) {
}
