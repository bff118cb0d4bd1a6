package com.countyleague.member;

import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid identity numbers no other test uses: a region of their own and a running number. */
public final class TestIds {

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Regions apart from the demo county's (511703), so tests never collide with demo people. */
    private static final String[] REGIONS = {"110101", "310104", "440305", "330106", "420111", "610113"};

    private TestIds() {
    }

    public static String of(LocalDate birth, Gender gender) {
        int n = NEXT.getAndIncrement();
        String region = REGIONS[(n / 450) % REGIONS.length];
        int order = (n % 450) * 2 + (gender == Gender.MALE ? 1 : 0);
        // spread over days so a region never runs out of sequence numbers for one birth date
        LocalDate day = birth.plusDays((n / (450 * REGIONS.length)) % 28);
        String body = region + String.format(Locale.ROOT, "%04d%02d%02d%03d", day.getYear(), day.getMonthValue(),
                day.getDayOfMonth(), order % 1000);
        return body + IdNumber.checkCharacter(body);
    }

    /** A number whose birth date and gender are those of the given day and gender exactly. */
    public static String exactly(LocalDate birth, Gender gender) {
        int n = NEXT.getAndIncrement();
        String region = REGIONS[(n / 450) % REGIONS.length];
        int order = (n % 450) * 2 + (gender == Gender.MALE ? 1 : 0);
        String body = region + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), order % 1000);
        return body + IdNumber.checkCharacter(body);
    }

    public static LocalDate birthOf(String id) {
        return IdNumber.of(id).birthDate();
    }
}
