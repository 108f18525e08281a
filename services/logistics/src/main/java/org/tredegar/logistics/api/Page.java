package org.tredegar.logistics.api;

import java.util.List;

/** A page of a list; {@code nextCursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
}
