package com.countyleague.account;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The picture-code asked for at sign-in after three failures for one account or from one address
 * (since its last success, within the last half hour). The picture is drawn here from a bitmap of
 * its own — no font, no outside service — and its answer kept in the session for one attempt.
 */
@Component
public class SignInCaptcha {

    static final String ANSWER = "league.captchaAnswer";
    /** The name last tried in this browser, so the page knows to show the captcha for it. */
    static final String LAST_USERNAME = "league.lastUsername";
    private static final int AFTER_FAILURES = 3;
    private static final Duration WINDOW = Duration.ofMinutes(30);
    private static final String DIGITS = "23456789";
    /** Each digit as seven rows of five cells; no 0 and 1, too like O and l. */
    private static final String[][] GLYPHS = {
            {"01110", "10001", "00001", "00110", "01000", "10000", "11111"},
            {"11110", "00001", "00001", "01110", "00001", "00001", "11110"},
            {"00010", "00110", "01010", "10010", "11111", "00010", "00010"},
            {"11111", "10000", "11110", "00001", "00001", "10001", "01110"},
            {"00110", "01000", "10000", "11110", "10001", "10001", "01110"},
            {"11111", "00001", "00010", "00100", "01000", "01000", "01000"},
            {"01110", "10001", "10001", "01110", "10001", "10001", "01110"},
            {"01110", "10001", "10001", "01111", "00001", "00010", "01100"}};

    private final LoginRecords records;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SignInCaptcha(LoginRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    /** Whether a sign-in for this name from this address must answer the captcha. */
    @Transactional(readOnly = true)
    public boolean required(String username, String address) {
        Instant since = clock.instant().minus(WINDOW);
        return (username != null && !username.isBlank() && records.failuresOfAccount(username.trim(), since) >= AFTER_FAILURES)
                || (address != null && records.failuresFromAddress(address, since) >= AFTER_FAILURES);
    }

    /** Whether the sign-in page shows the captcha: for the name last tried in this browser, or this address. */
    @Transactional(readOnly = true)
    public boolean requiredFor(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object username = session == null ? null : session.getAttribute(LAST_USERNAME);
        return required(username instanceof String name ? name : null, request.getRemoteAddr());
    }

    /** A new picture; its answer replaces any earlier one of the session. */
    public byte[] newPicture(HttpSession session) {
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            answer.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        }
        session.setAttribute(ANSWER, answer.toString());
        return draw(answer.toString());
    }

    /** Whether the answer is the session's; the answer is spent either way. */
    boolean solved(HttpSession session, String answer) {
        Object expected = session == null ? null : session.getAttribute(ANSWER);
        if (session != null) {
            session.removeAttribute(ANSWER);
        }
        return expected != null && answer != null && expected.equals(answer.strip());
    }

    private byte[] draw(String text) {
        int width = 160;
        int height = 56;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(246, 244, 238));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 120; i++) {
                g.setColor(new Color(150 + random.nextInt(90), 150 + random.nextInt(90), 150 + random.nextInt(90)));
                g.fillRect(random.nextInt(width), random.nextInt(height), 2, 2);
            }
            for (int i = 0; i < text.length(); i++) {
                Graphics2D glyph = (Graphics2D) g.create();
                glyph.translate(10 + i * 29 + random.nextInt(5), 8 + random.nextInt(8));
                glyph.rotate((random.nextDouble() - 0.5) * 0.5, 12, 18);
                glyph.setColor(new Color(20 + random.nextInt(80), 30 + random.nextInt(60), 90 + random.nextInt(100)));
                String[] rows = GLYPHS[DIGITS.indexOf(text.charAt(i))];
                for (int row = 0; row < rows.length; row++) {
                    for (int cell = 0; cell < 5; cell++) {
                        if (rows[row].charAt(cell) == '1') {
                            glyph.fillRect(cell * 5, row * 5, 5, 5);
                        }
                    }
                }
                glyph.dispose();
            }
            g.setStroke(new BasicStroke(1.6f));
            for (int i = 0; i < 4; i++) {
                g.setColor(new Color(60 + random.nextInt(120), 60 + random.nextInt(120), 60 + random.nextInt(120)));
                g.drawLine(0, random.nextInt(height), width, random.nextInt(height));
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
