package org.tredegar.notifications.contacts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * How to reach one person, as the owning service answers it at send time. Held in memory for one send only.
 * {@code alternatives} (optional) are further addresses for the fallback chain, e.g. an email behind an SMS number.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contact(String channel, String value, String language, List<Address> alternatives) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String channel, String value) {
        @Override
        public String toString() {
            return "Address[" + channel + "]"; // never the value: this may end up in a log line
        }
    }

    /** Every address, the preferred one first. A "phone" number is tried by SMS: most given numbers are mobiles. */
    public List<Address> addresses() {
        List<Address> all = new ArrayList<>();
        if (channel != null && value != null && !value.isBlank()) {
            all.add(new Address(normalise(channel), value));
        }
        if (alternatives != null) {
            alternatives.stream().filter(a -> a.channel() != null && a.value() != null && !a.value().isBlank())
                    .map(a -> new Address(normalise(a.channel()), a.value())).forEach(all::add);
        }
        return all;
    }

    private static String normalise(String channel) {
        return "phone".equals(channel) ? "sms" : channel;
    }

    @Override
    public String toString() {
        return "Contact[" + channel + ", " + language + "]";
    }
}
