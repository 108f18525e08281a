package org.tredegar.notifications.domain;

import java.util.Arrays;

/** Every message Tredegar sends. Each has a template in every supported language (checked at start and in tests). */
public enum MessageKind {
    REQUEST_RECEIVED("request-received"),
    OFFER("offer"),
    REQUEST_MATCHED("request-matched"),
    REQUEST_FULFILLED("request-fulfilled"),
    FOLLOW_UP("follow-up"),
    REQUEST_ESCALATED("request-escalated"),
    LOW_STOCK("low-stock"),
    RESERVATION_FAILED("reservation-failed"),
    /**
     * A one-time code for the owning service (erase a request, confirm a sign-up). Urgent, never collapsed, sent only
     * on the channel being confirmed; the code itself is fetched at send time and never stored.
     */
    ONE_TIME_CODE("one-time-code"),
    /** Answers to a volunteer's SMS reply (sent back in the same exchange, not as a notification row). */
    OFFER_REPLY_ACCEPTED("offer-reply-accepted"),
    OFFER_REPLY_DECLINED("offer-reply-declined"),
    OFFER_REPLY_UNCLEAR("offer-reply-unclear"),
    OFFER_REPLY_CLOSED("offer-reply-closed"),
    /** Answers to a volunteer's "OFF" / "ON" by text (same exchange). */
    DUTY_OFF("duty-off"),
    DUTY_ON("duty-on");

    private final String slug;

    MessageKind(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static MessageKind of(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown message kind " + slug));
    }
}
