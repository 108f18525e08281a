package org.tredegar.logistics.persistence;

import jakarta.persistence.Converter;
import org.tredegar.platform.persistence.SlugColumn;
import org.tredegar.logistics.domain.DeliveryStatus;
import org.tredegar.logistics.domain.LocationKind;
import org.tredegar.logistics.domain.ReservationLineState;
import org.tredegar.logistics.domain.ReservationStatus;

/**
 * The status enums stored as their slugs ({@code reserved}, {@code picked-up}, {@code food-bank}, …), the text the
 * columns have always held: the entities' fields are enums, the schema does not change. Applied to every field of
 * these types.
 */
final class StatusColumns {
    private StatusColumns() {
    }

    @Converter(autoApply = true)
    public static final class ReservationStatusColumn extends SlugColumn<ReservationStatus> {
        public ReservationStatusColumn() {
            super(ReservationStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class ReservationLineStateColumn extends SlugColumn<ReservationLineState> {
        public ReservationLineStateColumn() {
            super(ReservationLineState.class);
        }
    }

    @Converter(autoApply = true)
    public static final class DeliveryStatusColumn extends SlugColumn<DeliveryStatus> {
        public DeliveryStatusColumn() {
            super(DeliveryStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class LocationKindColumn extends SlugColumn<LocationKind> {
        public LocationKindColumn() {
            super(LocationKind.class);
        }
    }
}
