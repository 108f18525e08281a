package org.tredegar.notifications.domain;

/** A message in one language: subject (email), plain text (SMS and email), HTML (email). */
public record RenderedMessage(String language, String subject, String text, String html) {
}
