package org.tredegar.requests.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.tredegar.requests.domain.SmsText;

/**
 * A text as the notifications service hands it on: the provider's message id, the sender and the hub's number (both
 * E.164, as the provider gives them), and the words: up to 1,600 characters (what a provider joins into one long
 * message), any script; empty is allowed (the conversation treats it as an unclear answer).
 */
public record SmsConversationMessage(
        @NotBlank(message = "the provider's message id is required")
        @Pattern(regexp = "^[A-Za-z0-9._:-]{1,128}$", message = "must be the provider's message id (letters, digits, . _ : -)")
        String messageId,
        @NotBlank(message = "the sender's number is required")
        @Pattern(regexp = E164, message = "must be an E.164 number such as +447700900123")
        String from,
        @NotBlank(message = "the hub's number is required")
        @Pattern(regexp = E164, message = "must be an E.164 number such as +447700900100")
        String to,
        String body) {
    static final String E164 = "^\\+[1-9][0-9]{6,14}$";
    static final int MAX_BODY = 1600;

    /** Characters as people count them: an emoji is one, though Java counts two. */
    @AssertTrue(message = "must be at most 1600 characters")
    public boolean isBodyShortEnough() {
        return body == null || body.codePointCount(0, body.length()) <= MAX_BODY;
    }

    SmsText toSmsText() {
        return new SmsText(messageId, from, to, body);
    }
}
