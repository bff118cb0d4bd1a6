package com.countyleague.web;

/**
 * An account that belongs to no person of the ledgers asked for a member's own page (their points,
 * shifts, check-in). Not a rule the user broke: the error handling sends them home with a word on why.
 */
public class NoPersonException extends RuleViolationException {

    public NoPersonException() {
        super(null, "account.no-person");
    }
}
