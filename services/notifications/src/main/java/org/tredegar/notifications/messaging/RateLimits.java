package org.tredegar.notifications.messaging;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per provider ({@code tredegar.rate.<channel>.per-second}, {@code .burst}). A message that finds
 * the bucket empty is put back in the queue for when a token is due: a surge queues, nothing is dropped.
 */
@ApplicationScoped
public class RateLimits {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Zero when a token was taken; otherwise how long until one is free. */
    public Duration take(String channel) {
        ConsumptionProbe probe = bucket(channel).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private Bucket bucket(String channel) {
        return buckets.computeIfAbsent(channel, name -> {
            var config = ConfigProvider.getConfig();
            long perSecond = config.getOptionalValue("tredegar.rate." + name + ".per-second", Long.class).orElse(20L);
            long burst = config.getOptionalValue("tredegar.rate." + name + ".burst", Long.class).orElse(perSecond);
            return Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                    .build();
        });
    }
}
