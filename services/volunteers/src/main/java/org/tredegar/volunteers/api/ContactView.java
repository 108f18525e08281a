package org.tredegar.volunteers.api;

import java.util.List;

/** How to reach a volunteer, for one send; the shape the notifications service reads. */
public record ContactView(String channel, String value, String language, List<Address> alternatives) {
    public record Address(String channel, String value) {
    }
}
