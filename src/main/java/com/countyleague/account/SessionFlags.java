package com.countyleague.account;

/** Names of what the account module keeps in a user's session. */
public final class SessionFlags {

    /** Set at sign-in when a password someone else set must be changed before anything else. */
    public static final String MUST_CHANGE_PASSWORD = "league.mustChangePassword";
    static final String CLIENT_IP = "league.clientIp";
    static final String CLIENT_AGENT = "league.clientAgent";

    private SessionFlags() {
    }
}
