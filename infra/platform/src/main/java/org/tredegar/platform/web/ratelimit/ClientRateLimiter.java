package org.tredegar.platform.web.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client address for the public endpoints. X-Forwarded-For is believed only when this
 * service sits behind a proxy that sets it ({@code tredegar.rate-limit.trust-forwarded-for}); otherwise anyone
 * could pick a fresh address per request. Buckets live in memory per replica: the limit is a brake, not a quota.
 */
@ApplicationScoped
public class ClientRateLimiter {
    /** Past this many tracked addresses the table starts afresh, so a flood of addresses cannot exhaust memory. */
    static final int MAX_TRACKED = 100_000;

    @ConfigProperty(name = "tredegar.rate-limit.capacity", defaultValue = "60")
    long capacity;
    @ConfigProperty(name = "tredegar.rate-limit.period", defaultValue = "PT1M")
    Duration period;
    @ConfigProperty(name = "tredegar.rate-limit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;
    /** Addresses never limited, e.g. an SMS gateway's egress or the benchmark client. */
    @ConfigProperty(name = "tredegar.rate-limit.exempt")
    Optional<List<String>> exempt;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public String clientAddress(String peer, String forwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            // The left-most entry is the original client as our proxy saw it.
            return forwardedFor.split(",")[0].trim();
        }
        return peer;
    }

    /** 0 if the call may go ahead, else how many seconds until it may. */
    public long tryAcquire(String address) {
        if (exempt.map(list -> list.contains(address)).orElse(false)) {
            return 0;
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(address, a -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()
                + (probe.getNanosToWaitForRefill() % 1_000_000_000L == 0 ? 0 : 1));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build();
    }
}
