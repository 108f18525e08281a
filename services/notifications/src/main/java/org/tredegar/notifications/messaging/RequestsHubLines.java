package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.tredegar.notifications.domain.HubLines;
import org.tredegar.notifications.domain.OwnContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The hubs' numbers from the requests service's public hub list, kept for {@code tredegar.hubs.lines-refresh} (a new
 * hub's number works within that time, with no restart). An unknown number refreshes the list at once, at most every
 * few seconds; while the list cannot be read, the last one read is used.
 */
@ApplicationScoped
public class RequestsHubLines implements HubLines {
    private static final Logger LOG = Logger.getLogger(RequestsHubLines.class);
    private static final Duration MISS_REFRESH = Duration.ofSeconds(5);

    @Inject
    @RestClient
    RequestsClient requests;
    @ConfigProperty(name = "tredegar.hubs.lines-refresh", defaultValue = "PT1M")
    Duration refresh;

    private record Snapshot(List<HubLine> lines, Instant readAt) {
    }

    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(new Snapshot(List.of(), Instant.EPOCH));

    @Override
    public Uni<Optional<HubLine>> at(String number) {
        if (number == null || number.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        String wanted = e164(number);
        return lines(false).chain(lines -> find(lines, l -> wanted.equals(l.number()))
                .map(found -> Uni.createFrom().item(Optional.of(found)))
                .orElseGet(() -> lines(true).map(fresh -> find(fresh, l -> wanted.equals(l.number())))));
    }

    @Override
    public Uni<Optional<HubLine>> of(UUID hubId) {
        return lines(false).chain(lines -> find(lines, l -> hubId.equals(l.hubId()))
                .map(found -> Uni.createFrom().item(Optional.of(found)))
                .orElseGet(() -> lines(true).map(fresh -> find(fresh, l -> hubId.equals(l.hubId())))));
    }

    private Uni<List<HubLine>> lines(boolean missed) {
        Snapshot now = snapshot.get();
        Duration age = Duration.between(now.readAt(), Instant.now());
        if (age.compareTo(missed ? MISS_REFRESH : refresh) < 0) {
            return Uni.createFrom().item(now.lines());
        }
        return OwnContext.back(requests.hubs())
                .map(hubs -> {
                    List<HubLine> read = hubs.stream().map(h -> new HubLine(h.id(), h.slug(), h.name(),
                            h.smsNumber() == null ? null : e164(h.smsNumber()))).toList();
                    snapshot.set(new Snapshot(read, Instant.now()));
                    return read;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("hub numbers could not be read from the requests service (%s); using the last list", e.toString());
                    return now.lines();
                });
    }

    private static Optional<HubLine> find(List<HubLine> lines, java.util.function.Predicate<HubLine> test) {
        return lines.stream().filter(test).findFirst();
    }

    private static String e164(String number) {
        return TwilioSmsChannel.e164(number);
    }
}
