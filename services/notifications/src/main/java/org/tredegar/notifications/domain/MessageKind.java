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
    DUTY_ON("duty-on"),
    /** After a volunteer's YES: what, where (the exact place, to them only), when, and how to reach the person. */
    TASK_DETAILS("task-details"),
    /** Before a task with a time window; skipped at send time when the task has ended. */
    TASK_REMINDER("task-reminder"),
    /** Answers to DONE / CAN'T by text, and to an offer code that is someone else's (same exchange). */
    TASK_DONE_REPLY("task-done-reply"),
    TASK_RELEASED_REPLY("task-released-reply"),
    TASK_NONE("task-none"),
    OFFER_CODE_NOT_YOURS("offer-code-not-yours"),
    /** STOP / START / HELP, answered before any conversation sees the text (same exchange). */
    SMS_STOPPED("sms-stopped"),
    SMS_STARTED("sms-started"),
    SMS_HELP("sms-help"),
    /** The SMS intake's two questions, and answers to a requester's texts (same exchange). */
    INTAKE_ASK_WHAT("intake-ask-what"),
    INTAKE_ASK_WHERE("intake-ask-where"),
    REQUEST_APPENDED("request-appended"),
    FOLLOW_UP_REOPENED("follow-up-reopened"),
    FOLLOW_UP_CLOSED("follow-up-closed"),
    /** Masked relay while a task runs: the text passed on from the hub's number, or why it was not. */
    RELAY_FROM_VOLUNTEER("relay-from-volunteer"),
    RELAY_FROM_REQUESTER("relay-from-requester"),
    RELAY_FAILED("relay-failed"),
    /** The requests service could not take a requester's text just now: they are asked to text again. */
    TEXT_NOT_TAKEN("text-not-taken");

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
