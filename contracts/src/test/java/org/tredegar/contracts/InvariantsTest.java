package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.notifications.v1.NotificationSent;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.contracts.requests.v1.RequestsMerged;

/** The few checks records make themselves: the ones a consumer could not recover from. */
class InvariantsTest {

    private static final UUID HUB = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2025-11-20T09:15:00Z");

    @Test
    void everyEventNeedsAHubAndAKey() {
        assertThatThrownBy(() -> new RequestsMerged(UUID.randomUUID(), null, UUID.randomUUID(), "coordinator", NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("hubId");
        assertThatThrownBy(() -> new RequestsMerged(null, HUB, UUID.randomUUID(), "coordinator", NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("requestId");
    }

    @Test
    void escalationLevelIsOneToThree() {
        assertThat(new RequestEscalated(UUID.randomUUID(), HUB, 3, Urgency.URGENT, HelpCategory.SHELTER, null, NOW)
                .level()).isEqualTo(3);
        assertThatThrownBy(() -> new RequestEscalated(UUID.randomUUID(), HUB, 4, Urgency.URGENT,
                HelpCategory.SHELTER, null, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recipientTypeIsOneOfTheFour() {
        assertThatThrownBy(() -> new NotificationSent(UUID.randomUUID(), HUB, "offer", "sms", "neighbour", null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neighbour");
    }

    @Test
    void listsAreCopiedSoAnEventCannotChangeAfterwards() {
        List<ItemQuantity> items = new ArrayList<>(List.of(new ItemQuantity(ItemSlug.COAT, 1)));
        RequestUpdated updated = new RequestUpdated(UUID.randomUUID(), HUB, null, items, null, NOW);
        items.add(new ItemQuantity(ItemSlug.BLANKET, 2));

        assertThat(updated.items()).hasSize(1);
        assertThatThrownBy(() -> updated.items().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new RequestUpdated(UUID.randomUUID(), HUB, null, null, null, NOW).items()).isNull();
    }

    @Test
    void valueTypesRejectNonsense() {
        assertThatThrownBy(() -> new GeoPoint(91, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ItemQuantity(ItemSlug.COAT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeWindow(NOW, NOW.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TimeWindow(NOW, NOW).to()).isEqualTo(NOW);
    }

    @Test
    void approximateRoundsToAboutAHundredMetres() {
        assertThat(new GeoPoint(51.77274, -3.24668).approximate()).isEqualTo(new GeoPoint(51.773, -3.247));
    }
}
