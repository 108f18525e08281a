package org.tredegar.sandbox.page;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the page, as {@code msg:} in the template; the English text is in
 * {@code messages/msg_en.properties}, so a translation is one more file beside it.
 */
@MessageBundle(value = "msg", locale = "en")
public interface PageText {
    @Message
    String title();

    @Message
    String intro();

    @Message
    String skipLink();

    @Message
    String refresh();

    @Message
    String sentNotice(String from, String to, String status);

    @Message
    String errorSummaryTitle();

    @Message
    String errorPrefix();

    @Message
    String sendHeading();

    @Message
    String sendHint();

    @Message
    String fromLabel();

    @Message
    String fromHint();

    @Message
    String toLabel();

    @Message
    String bodyLabel();

    @Message
    String bodyHint();

    @Message
    String sendButton();

    @Message
    String hubsHeading();

    @Message
    String hubsCaption();

    @Message
    String hubName();

    @Message
    String hubNumber();

    @Message
    String hubWebhook();

    @Message
    String webhookMissing();

    @Message
    String phonesHeading();

    @Message
    String phonesNone();

    @Message
    String phoneCaption(String number);

    @Message
    String showingLatest(int shown, int total);

    @Message
    String columnTime();

    @Message
    String columnDirection();

    @Message
    String columnHub();

    @Message
    String columnText();

    @Message
    String columnStatus();

    @Message
    String directionIn();

    @Message
    String directionOut();

    @Message
    String inboxesHeading();

    @Message
    String inboxesNone(int port);

    @Message
    String inboxCaption(String address);

    @Message
    String columnFrom();

    @Message
    String columnSubject();

    @Message
    String scriptsHeading();

    @Message
    String scriptsText();

    @Message
    String errorFromMissing();

    @Message
    String errorFromMalformed();

    @Message
    String errorToMissing();

    @Message
    String errorToMalformed();

    @Message
    String errorBodyEmpty();

    @Message
    String errorBodyTooLong();
}
