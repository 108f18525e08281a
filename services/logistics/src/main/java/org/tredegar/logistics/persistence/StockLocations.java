package org.tredegar.logistics.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.logistics.domain.Locations;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Stock locations ({@link StockLocationEntity}): where a hub keeps supplies. In the caller's session or transaction. */
@ApplicationScoped
public class StockLocations {

    public Uni<List<StockLocationEntity>> ofHub(UUID hubId) {
        return StockLocationEntity.list("hubId", hubId);
    }

    public Uni<List<StockLocationEntity>> byIds(Collection<UUID> ids) {
        return StockLocationEntity.list("id in ?1", ids);
    }

    /** A hub's locations in (name, id) order after {@code after} (null: from the start), at most {@code limit}. */
    public Uni<List<StockLocationEntity>> pageOfHub(UUID hubId, Locations.After after, int limit) {
        StringBuilder query = new StringBuilder("hubId = :hub");
        Parameters params = Parameters.with("hub", hubId);
        if (after != null) {
            query.append(" and (name > :name or (name = :name and id > :id))");
            params.and("name", after.name()).and("id", after.id());
        }
        query.append(" order by name, id");
        return StockLocationEntity.<StockLocationEntity>find(query.toString(), params).range(0, limit - 1).list();
    }

    /** The hub a location belongs to. */
    public Uni<UUID> hubOf(UUID locationId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT hub_id FROM stock_locations WHERE id = ?1", UUID.class)
                .setParameter(1, locationId).getSingleResult());
    }
}
