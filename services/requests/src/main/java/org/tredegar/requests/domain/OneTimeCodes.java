package org.tredegar.requests.domain;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;

/** Six-digit one-time codes, easy to read out or type from a text message. */
@ApplicationScoped
public class OneTimeCodes {
    private static final SecureRandom RANDOM = new SecureRandom();

    public String next() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
