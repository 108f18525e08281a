package org.tredegar.logistics.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.model.ItemQuantity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How {@code reservations.needed} and {@code reservations.missing} hold a list of items: JSON
 * {@code [{"item": "...", "quantity": n}]}, as the events write it.
 */
public final class ItemListJson {
    /** The empty list, also the columns' default. */
    public static final String NONE = "[]";

    private ItemListJson() {
    }

    public static String write(List<ItemQuantity> items) {
        return new String(EventJson.toBytes(items), StandardCharsets.UTF_8);
    }

    public static List<ItemQuantity> read(String column) {
        try {
            return EventJson.mapper().readValue(column, new TypeReference<List<ItemQuantity>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
