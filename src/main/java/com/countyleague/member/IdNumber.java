package com.countyleague.member;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A resident identity number (居民身份证号, GB 11643): 17 digits and a check character. The first
 * six digits name the region, the next eight the birth date, the 17th is odd for men, and the last
 * is the ISO 7064 MOD 11-2 check of the rest ({@code X} for ten, in either case).
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level codes of the first two digits. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82", "83", "91");

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /** Full-width characters made half-width, spaces dropped, {@code x} made {@code X}. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        return Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** The message key of what is wrong with this number, or empty when it is a valid one. */
    public static Optional<String> problem(String raw) {
        String number = normalize(raw);
        if (number.length() != 18) {
            return Optional.of("member.id.length");
        }
        if (!number.matches("\\d{17}[\\dX]")) {
            return Optional.of("member.id.format");
        }
        if (!PROVINCES.contains(number.substring(0, 2))) {
            return Optional.of("member.id.region");
        }
        try {
            embeddedBirthDate(number);
        } catch (DateTimeException e) {
            return Optional.of("member.id.birth");
        }
        if (checkCharacter(number) != number.charAt(17)) {
            return Optional.of("member.id.check-digit");
        }
        return Optional.empty();
    }

    public static IdNumber of(String raw) {
        problem(raw).ifPresent(key -> {
            throw new IllegalArgumentException("Invalid identity number: " + key);
        });
        return new IdNumber(normalize(raw));
    }

    /** The check character GB 11643 asks for after these 17 digits. */
    public static char checkCharacter(String number) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static LocalDate embeddedBirthDate(String number) {
        return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                Integer.parseInt(number.substring(12, 14)));
    }

    public LocalDate birthDate() {
        return embeddedBirthDate(value);
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** As every page shows it: region and last four kept, the birth date hidden. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdNumber id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
