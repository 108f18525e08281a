package org.tredegar.notifications.messaging;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.nio.charset.StandardCharsets;

/**
 * Standard Webhooks signatures ({@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}) through the
 * reference library {@code com.standardwebhooks:standardwebhooks}. A secret given as {@code whsec_<base64>} is used
 * as Standard Webhooks defines it; any other secret's UTF-8 bytes are the key.
 */
public final class WebhookSigner {
    private WebhookSigner() {
    }

    public static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            return webhook(secret).sign(messageId, timestampSeconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("could not sign a webhook", e);
        }
    }

    public static Webhook webhook(String secret) {
        return secret.startsWith("whsec_") ? new Webhook(secret) : new Webhook(secret.getBytes(StandardCharsets.UTF_8));
    }
}
