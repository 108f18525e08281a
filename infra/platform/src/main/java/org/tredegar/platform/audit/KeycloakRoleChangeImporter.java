package org.tredegar.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.platform.hub.HubIds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Copies role changes made in Keycloak (roles granted or revoked, groups joined or left, a user's hubs rewritten —
 * also when made by hand in the admin console) into the audit chains of the hubs they affect, so that a hub sees
 * who gave whom power over it. A change to a user without hubs (operator, admin: platform-wide) goes into every
 * hub this service keeps a chain for.
 * <p>
 * Enabled in one service only ({@code tredegar.audit.keycloak.enabled}); it may run on several replicas: the cursor
 * row is locked while a batch is recorded, and events already recorded are skipped by time and id.
 */
@ApplicationScoped
public class KeycloakRoleChangeImporter {
    private static final Logger LOG = Logger.getLogger(KeycloakRoleChangeImporter.class);
    private static final int BATCH = 100;

    @ConfigProperty(name = "tredegar.audit.keycloak.enabled", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "tredegar.audit.keycloak.realm-url")
    Optional<String> realmUrl;
    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> oidcUrl;
    @ConfigProperty(name = "tredegar.audit.keycloak.client-id")
    Optional<String> clientId;
    @ConfigProperty(name = "tredegar.audit.keycloak.client-secret")
    Optional<String> clientSecret;
    /** Hubs that get platform-wide changes even before this service has written anything for them. */
    @ConfigProperty(name = "tredegar.audit.keycloak.platform-hubs", defaultValue = " ")
    String platformHubs;

    @Inject
    AuditTrail audit;

    private volatile KeycloakAdminEvents keycloak;
    private final Map<String, List<String>> hubsSeen = new ConcurrentHashMap<>();

    public boolean enabled() {
        return enabled;
    }

    @Scheduled(every = "${tredegar.audit.keycloak.poll-interval:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void poll() {
        try {
            importOnce();
        } catch (Throwable e) {
            // Keycloak down or not yet up: the next poll picks up from the same cursor, nothing is lost.
            LOG.warnf("role changes not read from Keycloak this time: %s", e.getMessage());
        }
    }

    /** Reads one batch after the cursor and records it; returns how many role changes were recorded. */
    public int importOnce() throws Throwable {
        // Blocking HTTP on this worker thread; the database work on a Vert.x context, as Hibernate Reactive needs.
        Cursor cursor = VertxContextSupport.subscribeAndAwait(this::cursor);
        List<JsonNode> events = client().since(cursor.lastTime(), BATCH);
        List<Recorded> changes = new ArrayList<>();
        for (JsonNode event : events) {
            Optional<RoleChange> change = RoleChange.from(event);
            long time = event.path("time").asLong();
            String id = change.map(RoleChange::eventId).orElse(event.path("id").asText(time + ""));
            if (change.isPresent()) {
                changes.add(new Recorded(change.get(), hubsFor(change.get())));
            } else {
                changes.add(new Recorded(new RoleChange(id, time, "", "", "", ""), List.of()));
            }
        }
        if (changes.isEmpty()) {
            return 0;
        }
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> record(changes)));
    }

    private List<UUID> hubsFor(RoleChange change) throws Exception {
        List<String> slugs = change.action().equals("hubs.set")
                ? Arrays.stream(change.detail().substring("hubs=".length()).split(",")).filter(s -> !s.isBlank()).toList()
                : client().hubsOf(change.userId());
        List<String> before = hubsSeen.put(change.userId(), slugs);
        Set<String> affected = new LinkedHashSet<>(slugs);
        if (before != null) {
            affected.addAll(before); // a hub the user was just taken out of must see that too
        }
        return affected.stream().map(HubIds::idOf).toList();
    }

    private Uni<Integer> record(List<Recorded> changes) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("INSERT INTO keycloak_admin_events_cursor (id, last_time) VALUES (1, 0) ON CONFLICT DO NOTHING")
                .executeUpdate()
                .chain(() -> session.createNativeQuery(
                        "SELECT last_time, ids_at_last FROM keycloak_admin_events_cursor WHERE id = 1 FOR UPDATE", Object[].class)
                        .getSingleResult())
                .chain(row -> session.createNativeQuery("SELECT hub_id FROM audit_heads", UUID.class).getResultList()
                        .chain(knownHubs -> {
                            Cursor locked = new Cursor(((Number) row[0]).longValue(), ids((String) row[1]));
                            Set<UUID> platformWide = new LinkedHashSet<>(knownHubs);
                            Arrays.stream(platformHubs.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                                    .map(HubIds::idOf).forEach(platformWide::add);
                            return recordAfter(locked, changes, List.copyOf(platformWide));
                        })));
    }

    private Uni<Integer> recordAfter(Cursor cursor, List<Recorded> changes, List<UUID> platformWide) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        long lastTime = cursor.lastTime();
        Set<String> idsAtLast = new LinkedHashSet<>(cursor.idsAtLast());
        for (Recorded r : changes) {
            RoleChange c = r.change();
            if (c.time() < lastTime || (c.time() == lastTime && idsAtLast.contains(c.eventId()))) {
                continue; // another replica, or an earlier poll, already recorded it
            }
            if (c.time() > lastTime) {
                lastTime = c.time();
                idsAtLast.clear();
            }
            idsAtLast.add(c.eventId());
            if (c.action().isEmpty()) {
                continue; // not a role change: only moves the cursor
            }
            List<UUID> hubs = r.hubs().isEmpty() ? platformWide : r.hubs();
            for (UUID hub : hubs) {
                chain = chain.chain(n -> audit.record(hub, c.actor(), c.action(), c.userId(), c.detail()).replaceWith(n + 1));
            }
        }
        long newTime = lastTime;
        String newIds = String.join(",", idsAtLast);
        return chain.chain(n -> Panache.getSession().chain(session -> session
                .createNativeQuery("UPDATE keycloak_admin_events_cursor SET last_time = ?1, ids_at_last = ?2 WHERE id = 1")
                .setParameter(1, newTime).setParameter(2, newIds).executeUpdate()).replaceWith(n));
    }

    private Uni<Cursor> cursor() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT last_time, ids_at_last FROM keycloak_admin_events_cursor WHERE id = 1", Object[].class)
                .getResultList()))
                .map(rows -> rows.isEmpty() ? new Cursor(0, Set.of())
                        : new Cursor(((Number) rows.get(0)[0]).longValue(), ids((String) rows.get(0)[1])));
    }

    private static Set<String> ids(String csv) {
        return csv == null || csv.isBlank() ? Set.of()
                : Arrays.stream(csv.split(",")).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private KeycloakAdminEvents client() {
        if (keycloak == null) {
            String url = realmUrl.or(() -> oidcUrl).orElseThrow(() -> new IllegalStateException(
                    "tredegar.audit.keycloak.enabled needs tredegar.audit.keycloak.realm-url or quarkus.oidc.auth-server-url"));
            keycloak = new KeycloakAdminEvents(url,
                    clientId.orElseThrow(() -> new IllegalStateException("tredegar.audit.keycloak.client-id is not set")),
                    clientSecret.orElseThrow(() -> new IllegalStateException("tredegar.audit.keycloak.client-secret is not set")));
        }
        return keycloak;
    }

    private record Cursor(long lastTime, Set<String> idsAtLast) {
    }

    private record Recorded(RoleChange change, List<UUID> hubs) {
    }

    /** Skips the scheduled poll unless this service is the one that imports role changes. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        @ConfigProperty(name = "tredegar.audit.keycloak.enabled", defaultValue = "false")
        boolean enabled;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !enabled;
        }
    }
}
