package org.tredegar.logistics.domain;

import java.util.Comparator;
import java.util.UUID;

/** One item at one location: the unit that minimum levels and LowStock are about. */
public record LocationItem(UUID locationId, String item) implements Comparable<LocationItem> {
    private static final Comparator<LocationItem> ORDER =
            Comparator.comparing(LocationItem::locationId).thenComparing(LocationItem::item);

    @Override
    public int compareTo(LocationItem other) {
        return ORDER.compare(this, other);
    }
}
