package com.countyleague.member;

/** A mainland mobile number as the ledger keeps it: eleven digits, 13x to 19x. */
public final class MobileNumber {

    /** For bean validation patterns, which need a constant. */
    public static final String REGEX = "1[3-9]\\d{9}";

    private MobileNumber() {
    }

    public static boolean valid(String number) {
        return number != null && number.matches(REGEX);
    }
}
