package org.tredegar.platform.web.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimiterTest {
    static ClientRateLimiter limiter(long capacity, boolean trustForwardedFor, String... exempt) {
        ClientRateLimiter limiter = new ClientRateLimiter();
        limiter.capacity = capacity;
        limiter.period = Duration.ofMinutes(1);
        limiter.trustForwardedFor = trustForwardedFor;
        limiter.exempt = exempt.length == 0 ? Optional.empty() : Optional.of(List.of(exempt));
        return limiter;
    }

    @Test
    void anAddressGetsItsAllowanceThenIsToldHowLongToWait() {
        ClientRateLimiter limiter = limiter(3, false);
        assertThat(List.of(limiter.tryAcquire("198.51.100.7"), limiter.tryAcquire("198.51.100.7"), limiter.tryAcquire("198.51.100.7")))
                .containsOnly(0L);
        long wait = limiter.tryAcquire("198.51.100.7");
        assertThat(wait).isBetween(1L, 60L);
        assertThat(limiter.tryAcquire("198.51.100.8")).as("another address has its own bucket").isZero();
    }

    @Test
    void exemptAddressesAreNeverLimited() {
        ClientRateLimiter limiter = limiter(1, false, "10.0.0.5");
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("10.0.0.5")).isZero();
        }
    }

    @Test
    void forwardedForIsBelievedOnlyWhenConfigured() {
        assertThat(limiter(1, false).clientAddress("10.0.0.1", "203.0.113.9")).isEqualTo("10.0.0.1");
        assertThat(limiter(1, true).clientAddress("10.0.0.1", "203.0.113.9, 10.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(limiter(1, true).clientAddress("10.0.0.1", null)).isEqualTo("10.0.0.1");
    }
}
