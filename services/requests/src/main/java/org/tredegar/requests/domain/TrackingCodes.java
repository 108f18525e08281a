package org.tredegar.requests.domain;

import java.security.SecureRandom;

/**
 * Short codes a person can read out on the phone: no 0/O, 1/I/L, grouped as XXXX-XXXX (about 8·10^11 codes, and
 * unguessable enough that the tracking page needs no login).
 */
public final class TrackingCodes {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {
    }

    public static String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    public static String normalise(String code) {
        String plain = code.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace(" ", "");
        return plain.length() == 8 ? plain.substring(0, 4) + "-" + plain.substring(4) : plain;
    }
}
