package org.tredegar.notifications.messaging;

import org.tredegar.notifications.domain.SendFailure;

/** A provider refused or failed a send. Retriable: an outage or a rate limit; otherwise the address will not work. */
public class ProviderException extends RuntimeException {
    private final boolean retriable;

    public ProviderException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
        this.retriable = true;
    }

    public boolean retriable() {
        return retriable;
    }

    public static boolean isRetriable(Throwable e) {
        return !(e instanceof ProviderException p) || p.retriable();
    }

    /** Any failure of a send, as the delivery decisions weigh it: anything but a provider's refusal may pass. */
    public static SendFailure describe(Throwable e) {
        return new SendFailure(e.getMessage(), e.getClass().getSimpleName(), isRetriable(e));
    }
}
