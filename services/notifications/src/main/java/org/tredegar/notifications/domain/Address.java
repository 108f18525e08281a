package org.tredegar.notifications.domain;

/**
 * One way to reach a person: a channel ({@code sms}, {@code email}) and the address on it. Held in memory for one
 * send only, never written.
 */
public record Address(String channel, String value) {
    /** A "phone" number is tried by SMS: most numbers people give are mobiles. */
    public static Address of(String channel, String value) {
        return new Address("phone".equals(channel) ? "sms" : channel, value);
    }

    @Override
    public String toString() {
        return "Address[" + channel + "]"; // never the value: this may end up in a log line
    }
}
