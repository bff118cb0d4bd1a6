package com.countyleague.account;

import java.security.SecureRandom;

/** At least 8 characters (at most 64) with letters, digits and a symbol. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    private static final String LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "@#%&*+=?!";

    private PasswordPolicy() {
    }

    public static boolean isStrong(String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return false;
        }
        boolean letter = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
            if (c < 128 && Character.isLetter(c)) {
                letter = true;
            } else if (c < 128 && Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return letter && digit && symbol;
    }

    /** A random password that meets the policy, for first start and resets shown once. */
    static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder();
        String all = LETTERS + DIGITS + SYMBOLS;
        while (!isStrong(password.toString())) {
            password.setLength(0);
            for (int i = 0; i < 16; i++) {
                password.append(all.charAt(random.nextInt(all.length())));
            }
        }
        return password.toString();
    }
}
