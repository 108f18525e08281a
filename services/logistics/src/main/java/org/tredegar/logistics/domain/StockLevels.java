package org.tredegar.logistics.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.logistics.api.Page;
import org.tredegar.logistics.api.StockLineView;
import org.tredegar.platform.problem.ApiProblem;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A hub's stock, summed from lots per location and item. */
@ApplicationScoped
public class StockLevels {
    static final String QUERY = """
            SELECT l.location_id, l.item,
                   SUM(l.on_hand)::bigint,
                   SUM(l.reserved)::bigint,
                   COALESCE(SUM(l.on_hand - l.reserved) FILTER (WHERE l.expires_on IS NULL OR l.expires_on >= ?2), 0)::bigint,
                   COALESCE(SUM(l.on_hand) FILTER (WHERE l.expires_on < ?2), 0)::bigint,
                   MIN(l.expires_on) FILTER (WHERE l.on_hand > 0),
                   MAX(m.minimum),
                   BOOL_OR(COALESCE(m.low, FALSE))
            FROM stock_lots l
            JOIN stock_locations s ON s.id = l.location_id
            LEFT JOIN stock_minimums m ON m.location_id = l.location_id AND m.item = l.item
            WHERE s.hub_id = ?1 %s
            GROUP BY l.location_id, l.item
            ORDER BY l.location_id, l.item
            LIMIT ?3""";

    public Uni<Page<StockLineView>> page(UUID hubId, String cursor, int limit) {
        LocalDate today = StockLedger.today();
        String after = "";
        UUID afterLocation = null;
        String afterItem = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                afterLocation = UUID.fromString(parts.get(0));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badField("cursor", "is not a cursor this API gave out");
            }
            afterItem = parts.get(1);
            after = "AND (l.location_id, l.item) > (?4, ?5)";
        }
        String sql = QUERY.formatted(after);
        UUID location = afterLocation;
        String item = afterItem;
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter(1, hubId).setParameter(2, today).setParameter(3, limit);
            if (location != null) {
                query.setParameter(4, location).setParameter(5, item);
            }
            return query.getResultList();
        })).map(rows -> {
            List<StockLineView> items = rows.stream().map(StockLevels::toView).toList();
            String next = items.size() < limit ? null
                    : Cursors.encode(items.get(items.size() - 1).locationId().toString(), items.get(items.size() - 1).item());
            return new Page<>(items, next);
        });
    }

    private static StockLineView toView(Object[] row) {
        String item = (String) row[1];
        Object expiry = row[6];
        LocalDate earliest = expiry == null ? null : expiry instanceof LocalDate d ? d : ((java.sql.Date) expiry).toLocalDate();
        return new StockLineView((UUID) row[0], item, ItemCatalogue.of(ItemSlug.fromSlug(item)).unit(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                ((Number) row[5]).longValue(), earliest, row[7] == null ? null : ((Number) row[7]).intValue(),
                Boolean.TRUE.equals(row[8]));
    }
}
