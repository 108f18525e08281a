package org.tredegar.logistics.domain;

import org.tredegar.logistics.persistence.StockLotEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides which lots a request's needs are taken from. Pure: it reads locked lots and returns takes, it changes
 * nothing. Rules, in order:
 * <ol>
 *   <li>all or nothing: if the hub cannot cover every need, nothing is held back (what is missing is reported), so
 *       a request that cannot be served does not starve the next one;</li>
 *   <li>one trip if possible: the nearest location that has everything;</li>
 *   <li>otherwise split: each item from the nearest locations that have it;</li>
 *   <li>within a location, first-expiring lots first (FEFO); lots past their date are never promised.</li>
 * </ol>
 * Who donated a lot is not an input: allocation cannot favour or exclude anyone by donor.
 */
public final class Allocator {
    private Allocator() {
    }

    public record Need(String item, int quantity) {
    }

    public record Take(StockLotEntity lot, int quantity) {
    }

    public record Result(List<Take> takes, Map<String, Integer> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** First expiring first; undated lots last; then oldest receipt; then id, so the order is total. */
    public static final Comparator<StockLotEntity> FEFO = Comparator
            .comparing((StockLotEntity l) -> l.expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(l -> l.receivedAt)
            .thenComparing(l -> l.id);

    /** Needs for the same item are merged; {@code locations} is nearest first. */
    public static Result allocate(List<Need> needs, List<UUID> locations, List<StockLotEntity> lots, LocalDate today) {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        needs.forEach(n -> wanted.merge(n.item(), n.quantity(), Integer::sum));

        Map<String, Integer> missing = new LinkedHashMap<>();
        wanted.forEach((item, quantity) -> {
            int total = lots.stream().filter(l -> l.item.equals(item) && locations.contains(l.locationId))
                    .mapToInt(l -> l.availableOn(today)).sum();
            if (total < quantity) {
                missing.put(item, quantity - total);
            }
        });
        if (!missing.isEmpty()) {
            return new Result(List.of(), missing);
        }
        for (UUID location : locations) {
            if (wanted.entrySet().stream().allMatch(w -> available(lots, location, w.getKey(), today) >= w.getValue())) {
                List<Take> takes = new ArrayList<>();
                wanted.forEach((item, quantity) -> takes.addAll(take(lots, List.of(location), item, quantity, today)));
                return new Result(takes, Map.of());
            }
        }
        List<Take> takes = new ArrayList<>();
        wanted.forEach((item, quantity) -> takes.addAll(take(lots, locations, item, quantity, today)));
        return new Result(takes, Map.of());
    }

    private static int available(List<StockLotEntity> lots, UUID location, String item, LocalDate today) {
        return lots.stream().filter(l -> l.locationId.equals(location) && l.item.equals(item))
                .mapToInt(l -> l.availableOn(today)).sum();
    }

    private static List<Take> take(List<StockLotEntity> lots, List<UUID> locations, String item, int quantity,
                                   LocalDate today) {
        Map<UUID, Integer> rank = new HashMap<>();
        for (int i = 0; i < locations.size(); i++) {
            rank.put(locations.get(i), i);
        }
        List<StockLotEntity> candidates = lots.stream()
                .filter(l -> l.item.equals(item) && rank.containsKey(l.locationId) && l.availableOn(today) > 0)
                .sorted(Comparator.comparing((StockLotEntity l) -> rank.get(l.locationId)).thenComparing(FEFO))
                .toList();
        List<Take> takes = new ArrayList<>();
        int left = quantity;
        for (StockLotEntity lot : candidates) {
            if (left == 0) {
                break;
            }
            int q = Math.min(left, lot.availableOn(today));
            takes.add(new Take(lot, q));
            left -= q;
        }
        return takes;
    }
}
