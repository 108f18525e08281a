package org.tredegar.sandbox.numbers;

import java.util.regex.Pattern;

/** E.164 numbers, the only form the provider and the platform exchange. */
public final class PhoneNumbers {
    /** "+", a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{6,14}");

    private PhoneNumbers() {
    }

    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * A number from a query string, where an unencoded "+" arrives as a space: " 447700900123" is read as
     * "+447700900123", so {@code ?to=+447700900123} typed by hand works as well as {@code ?to=%2B447700900123}.
     */
    public static String fromQuery(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.strip();
        return DIGITS.matcher(trimmed).matches() ? "+" + trimmed : trimmed;
    }
}
