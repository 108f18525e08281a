package org.tredegar.sandbox.mail;

import java.time.Instant;

/** One email the platform sent, as one recipient (envelope To, Cc or Bcc) received it. */
public record CaughtMail(String id, String from, String to, String subject, String text, Instant at) {
}
