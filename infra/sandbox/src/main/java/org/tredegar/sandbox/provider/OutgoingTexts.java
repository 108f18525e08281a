package org.tredegar.sandbox.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import org.tredegar.sandbox.config.SandboxConfig;
import org.tredegar.sandbox.numbers.PhoneNumbers;
import org.tredegar.sandbox.store.Text;
import org.tredegar.sandbox.store.TextStore;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Texts the platform sends: checked as the provider checks them (its error codes), kept once per Idempotency-Key,
 * then handed to {@link DeliveryReceipts}. A repeat of a key answers the first message and delivers nothing again.
 */
@ApplicationScoped
public class OutgoingTexts {
    static final int MAX_BODY = 1600;

    @Inject
    SandboxConfig config;
    @Inject
    TextStore store;
    @Inject
    DeliveryReceipts receipts;

    public Text accept(Request request, Optional<String> idempotencyKey, Supplier<Text> create) {
        validate(request);
        Optional<String> callback = Optional.ofNullable(request.statusCallback()).filter(url -> !url.isBlank());
        if (idempotencyKey.isEmpty()) {
            Text text = create.get();
            store.add(text);
            receipts.deliver(text, callback);
            return text;
        }
        TextStore.Added added = store.addOnce(idempotencyKey.get(), create);
        if (added.created()) {
            receipts.deliver(added.text(), callback);
        }
        return added.text();
    }

    private void validate(Request request) {
        if (blank(request.to())) {
            throw ProviderError.badRequest(21604, "A 'To' phone number is required.");
        }
        if (!PhoneNumbers.isE164(request.to())) {
            throw ProviderError.badRequest(21211, "Invalid 'To' Phone Number: " + request.to());
        }
        if (blank(request.from())) {
            throw ProviderError.badRequest(21603, "A 'From' phone number is required.");
        }
        if (blank(request.body())) {
            throw ProviderError.badRequest(21602, "Message body is required.");
        }
        if (request.body().codePointCount(0, request.body().length()) > MAX_BODY) {
            throw ProviderError.badRequest(21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        if (!blank(request.statusCallback()) && !absoluteHttp(request.statusCallback())) {
            throw ProviderError.badRequest(21609, "The StatusCallback URL " + request.statusCallback() + " is not a valid URL.");
        }
        if (config.fail().refused().orElse(Set.of()).contains(request.to())) {
            throw ProviderError.badRequest(21610, "Attempt to send to unsubscribed recipient");
        }
    }

    private static boolean absoluteHttp(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The form fields of a send, as the provider names them. */
    public record Request(String to, String from, String body, String statusCallback) {
        static Request of(MultivaluedMap<String, String> form) {
            return new Request(form.getFirst("To"), form.getFirst("From"), form.getFirst("Body"), form.getFirst("StatusCallback"));
        }
    }
}
