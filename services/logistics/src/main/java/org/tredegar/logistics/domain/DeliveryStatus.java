package org.tredegar.logistics.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tredegar.contracts.model.Slugged;

/**
 * Where one trip stands: scheduled → picked-up → delivered; scheduled or picked-up → failed; scheduled → cancelled
 * (the request was released, or another volunteer took it over). Stored by slug in {@code deliveries.status}.
 */
public enum DeliveryStatus implements Slugged {
    SCHEDULED("scheduled"),
    PICKED_UP("picked-up"),
    DELIVERED("delivered"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String slug;

    DeliveryStatus(String slug) {
        this.slug = slug;
    }

    /** The text stored in the status column and shown in the API. */
    @Override
    @JsonValue
    public String slug() {
        return slug;
    }

    public static DeliveryStatus fromSlug(String slug) {
        return Slugged.fromSlug(DeliveryStatus.class, slug);
    }
}
