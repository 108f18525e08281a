package org.tredegar.sandbox.store;

import java.time.Instant;

/**
 * One text message, either way. Immutable: a status change is a new value put in the {@link TextStore}.
 *
 * @param sentAt    when the provider handed it on (null while queued): the provider's {@code date_sent}
 * @param errorCode the provider's error code for a failed delivery (30003), or null
 */
public record Text(String id, String from, String to, String body, Instant createdAt, Direction direction,
                   String status, Instant updatedAt, Instant sentAt, Integer errorCode) {

    public static Text incoming(String id, String from, String to, String body, Instant now) {
        return new Text(id, from, to, body, now, Direction.INBOUND, "received", now, now, null);
    }

    public static Text queued(String id, String from, String to, String body, Instant now) {
        return new Text(id, from, to, body, now, Direction.OUTBOUND_API, "queued", now, null, null);
    }

    /** A TwiML reply: the sandbox hands it to the phone at once, so it is delivered when recorded. */
    public static Text reply(String id, String from, String to, String body, Instant now) {
        return new Text(id, from, to, body, now, Direction.OUTBOUND_REPLY, "delivered", now, now, null);
    }

    public Text withStatus(String newStatus, Instant now) {
        return new Text(id, from, to, body, createdAt, direction, newStatus, now, sentAt, errorCode);
    }

    public Text sent(Instant now) {
        return new Text(id, from, to, body, createdAt, direction, "sent", now, now, errorCode);
    }

    public Text failed(String newStatus, int code, Instant now) {
        return new Text(id, from, to, body, createdAt, direction, newStatus, now, sentAt, code);
    }

    /** The phone in this conversation: the sender of an incoming text, the recipient of an outgoing one. */
    public String phone() {
        return direction.incoming() ? from : to;
    }

    /** The platform's side: the hub number (or sender name) the phone talked to. */
    public String platformSide() {
        return direction.incoming() ? to : from;
    }
}
