package com.countyleague.activity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.countyleague.activity.CheckIns.Purpose;

/**
 * The rotating proofs of presence on an organiser's screen. Time is cut into 30-second windows; for
 * each window an activity has a QR token and a 6-digit code, both HMAC-SHA256 of the window under the
 * activity's own secret, one for checking in and one for signing out. A proof is accepted in its own
 * window and the next, so it lives 30 to 60 seconds: a photo of the screen is useless a minute later.
 */
final class CheckInCodes {

    static final int WINDOW_SECONDS = 30;

    /** A token taken apart; {@code mac} still has to be checked against the activity's secret. */
    record Token(long activityId, Purpose purpose, long window, String mac) {
    }

    private CheckInCodes() {
    }

    static long windowAt(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), WINDOW_SECONDS);
    }

    /** Seconds until the proofs of this moment's window change. */
    static int secondsLeft(Instant now) {
        return (int) (WINDOW_SECONDS - Math.floorMod(now.getEpochSecond(), WINDOW_SECONDS));
    }

    static boolean fresh(long window, Instant now) {
        long current = windowAt(now);
        return window == current || window == current - 1;
    }

    static String token(long activityId, byte[] secret, Purpose purpose, long window) {
        return activityId + "-" + purpose.name().charAt(0) + "-" + window + "-" + mac(secret, purpose, window);
    }

    static Optional<Token> parse(String token) {
        String[] parts = token == null ? new String[0] : token.split("-", 4);
        if (parts.length != 4 || !(parts[1].equals("I") || parts[1].equals("O"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Token(Long.parseLong(parts[0]), parts[1].equals("I") ? Purpose.IN : Purpose.OUT,
                    Long.parseLong(parts[2]), parts[3]));
        } catch (NumberFormatException notAToken) {
            return Optional.empty();
        }
    }

    static boolean verify(Token token, byte[] secret) {
        return MessageDigest.isEqual(mac(secret, token.purpose(), token.window()).getBytes(StandardCharsets.US_ASCII),
                token.mac().getBytes(StandardCharsets.US_ASCII));
    }

    /** Which act these six digits are the code of in this window, if any. */
    static Optional<Purpose> purposeOf(byte[] secret, String digits, long window) {
        for (Purpose purpose : Purpose.values()) {
            if (digits.equals(code(secret, purpose, window))) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    /** When a window begins. */
    static Instant start(long window) {
        return Instant.ofEpochSecond(window * WINDOW_SECONDS);
    }

    /** Six digits by the dynamic truncation of RFC 4226. */
    static String code(byte[] secret, Purpose purpose, long window) {
        byte[] h = hmac(secret, "code:" + purpose + ":" + window);
        int offset = h[h.length - 1] & 0x0f;
        int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16) | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static String mac(byte[] secret, Purpose purpose, long window) {
        byte[] h = hmac(secret, "qr:" + purpose + ":" + window);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(h, 16));
    }

    private static byte[] hmac(byte[] secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }
}
