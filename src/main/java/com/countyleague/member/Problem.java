package com.countyleague.member;

import java.io.Serializable;

/**
 * One thing wrong with a person's record: the field, the message key and its arguments (texts and
 * numbers). Serializable, as it may travel in a flash attribute through the session.
 */
public record Problem(String field, String key, Object... args) implements Serializable {
}
