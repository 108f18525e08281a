package org.tredegar.volunteers.api;

import java.util.List;

/**
 * How to reach a volunteer, for one send; the shape the notifications service reads. {@code firstName} (the first
 * word of the display name, or null) is what a requester may be told — "Sam is on the way" — never the number.
 */
public record ContactView(String channel, String value, String language, List<Address> alternatives, String firstName) {
    public record Address(String channel, String value) {
    }
}
