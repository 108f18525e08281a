package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tredegar.logistics.persistence.StockLots;

import java.util.List;
import java.util.UUID;

/** A hub's stock, summed from lots per location and item, as of today (UTC) for what counts as expired. */
@ApplicationScoped
public class StockLevels {
    @Inject
    StockLots lots;

    /** Up to {@code limit} levels in (location, item) order, after {@code after} (null for the first page). */
    public Uni<List<StockLevel>> page(UUID hubId, LocationItem after, int limit) {
        return Panache.withSession(() -> lots.levelsInHub(hubId, StockLedger.today(), after, limit));
    }
}
