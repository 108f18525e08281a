package org.tredegar.requests.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.requests.domain.Hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code hubs} table: read whole (it is small, and every replica keeps it in memory), and watched: a statement
 * trigger NOTIFYs {@value #CHANNEL} on any change (V3 migration), which {@link #listen} passes on.
 */
@ApplicationScoped
public class Hubs {
    private static final Logger LOG = Logger.getLogger(Hubs.class);
    static final String CHANNEL = "tredegar_hubs";
    static final String SELECT_ALL = "SELECT id, slug, name, centre_lat, centre_lon, timezone, sms_number, areas FROM hubs";

    @Inject
    ObjectMapper json;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    Optional<String> databaseUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> databaseUser;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> databasePassword;

    private PgSubscriber subscriber;

    /** Every hub, by slug. */
    public Uni<List<Hub>> all() {
        return pool.query(SELECT_ALL).execute().map(rows -> {
            List<Hub> hubs = new ArrayList<>();
            for (Row row : rows) {
                hubs.add(toHub(row));
            }
            hubs.sort(Comparator.comparing(Hub::slug));
            return List.copyOf(hubs);
        });
    }

    /**
     * Calls {@code changed} whenever the table changes (LISTEN on its own connection, reconnecting after a second
     * when it drops); {@code unreachable} is told why a connection failed. Without a database URL, nothing listens.
     */
    public void listen(Runnable changed, Consumer<Throwable> unreachable) {
        if (databaseUrl.isEmpty()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl.get());
        databaseUser.ifPresent(options::setUser);
        databasePassword.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1000L);
        subscriber.channel(CHANNEL).handler(payload -> changed.run());
        subscriber.connect().subscribe().with(ok -> LOG.debug("listening for hub changes"), unreachable);
    }

    public void stopListening() {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    Hub toHub(Row row) {
        String slug = row.getString("slug");
        try {
            List<Hub.Area> areas = json.readValue(row.getString("areas"), new TypeReference<>() {
            });
            return new Hub(row.getUUID("id"), slug, row.getString("name"),
                    new GeoPoint(row.getDouble("centre_lat"), row.getDouble("centre_lon")), row.getString("timezone"),
                    row.getString("sms_number"), areas);
        } catch (IOException ex) {
            throw new UncheckedIOException("hub " + slug + " has unreadable areas", ex);
        }
    }
}
