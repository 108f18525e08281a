package org.tredegar.notifications.persistence;

import jakarta.persistence.Converter;
import org.tredegar.platform.persistence.SlugColumn;
import org.tredegar.notifications.domain.NotificationStatus;
import org.tredegar.notifications.domain.SubscriptionStatus;

/**
 * The status enums stored as their slugs ({@code pending}, {@code active}, …), the text the status columns have
 * always held: the entities' status fields are enums, the schema does not change. Applied to every field of these
 * types.
 */
final class StatusColumns {
    private StatusColumns() {
    }

    @Converter(autoApply = true)
    public static final class NotificationStatusColumn extends SlugColumn<NotificationStatus> {
        public NotificationStatusColumn() {
            super(NotificationStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class SubscriptionStatusColumn extends SlugColumn<SubscriptionStatus> {
        public SubscriptionStatusColumn() {
            super(SubscriptionStatus.class);
        }
    }
}
