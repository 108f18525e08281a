package org.tredegar.requests.domain;

import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;

import java.util.List;

/**
 * What someone asking for help told us, from any channel (the web form and partners through the API, the hotline,
 * a text message), already checked for shape by whoever took it. Nothing about who they are.
 *
 * @param contact  null when they gave no way to reach them
 * @param window   when help is wanted; required for {@link Urgency#SCHEDULED}
 */
public record RequestForHelp(HelpCategory category, Urgency urgency, String description, Place place,
                             List<ItemQuantity> items, Contact contact, String language, String accessibility,
                             TimeWindow window) {
    public RequestForHelp {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** A point ({@code lat}, {@code lon}), an area or postcode district, or both; all null when the channel knows its hub. */
    public record Place(Double lat, Double lon, String area) {
        public static final Place UNKNOWN = new Place(null, null, null);
    }

    public record Contact(ContactChannel channel, String value) {
        public boolean reachable() {
            return channel != ContactChannel.NONE;
        }
    }

    public boolean hasContact() {
        return contact != null && contact.reachable();
    }
}
