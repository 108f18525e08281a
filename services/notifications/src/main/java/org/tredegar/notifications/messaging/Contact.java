package org.tredegar.notifications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.tredegar.notifications.domain.Address;

import java.util.ArrayList;
import java.util.List;

/**
 * How to reach one person, as the owning service answers it at send time. Held in memory for one send only.
 * {@code alternatives} (optional) are further addresses for the fallback chain, e.g. an email behind an SMS number.
 * {@code firstName} (volunteers) is what a requester is told ("Sam is on the way"); {@code trackingCode}
 * (requesters) goes into the "we have your request" message. Both optional.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String channel, String value, String language, List<Alternative> alternatives, String firstName,
                      String trackingCode) {
    public Contact(String channel, String value, String language, List<Alternative> alternatives) {
        this(channel, value, language, alternatives, null, null);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alternative(String channel, String value) {
        @Override
        public String toString() {
            return "Alternative[" + channel + "]"; // never the value: this may end up in a log line
        }
    }

    /** Every address, the preferred one first. */
    public List<Address> addresses() {
        List<Address> all = new ArrayList<>();
        if (channel != null && value != null && !value.isBlank()) {
            all.add(Address.of(channel, value));
        }
        if (alternatives != null) {
            alternatives.stream().filter(a -> a.channel() != null && a.value() != null && !a.value().isBlank())
                    .map(a -> Address.of(a.channel(), a.value())).forEach(all::add);
        }
        return all;
    }

    @Override
    public String toString() {
        return "Contact[" + channel + ", " + language + "]";
    }
}
