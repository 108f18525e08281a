package org.tredegar.requests.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestUpdated;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.platform.problem.ApiProblem;
import org.tredegar.requests.persistence.HelpRequestEntity;
import org.tredegar.requests.persistence.HelpRequests;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person texting us. Their number, as a keyed hash, ties the messages together: the first opens a request
 * (category other, routine, for a coordinator to triage), later ones add to the open request, and a "yes" after
 * help was given reopens it (the answer to the follow-up question).
 */
@ApplicationScoped
public class SmsConversation {
    static final int MAX_DESCRIPTION = 4096;
    private static final Pattern LANGUAGE_PREFIX = Pattern.compile("^\\s*([A-Za-z]{2})(-[A-Za-z0-9]{2,8})?\\s*:\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern STILL_NEED = Pattern.compile(
            "^\\s*(yes|y|yeah|yep|ie|oes|si|sí|oui|tak|da|still need.*)\\s*[.!]*\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> ISO_LANGUAGES = Set.copyOf(Arrays.asList(Locale.getISOLanguages()));

    public enum Outcome { OPENED, APPENDED, REOPENED }

    @Inject
    ContactCipher cipher;
    @Inject
    HelpRequests requests;
    @Inject
    HubDirectory hubs;
    @Inject
    RequestIntake intake;
    @Inject
    RequestTransitions transitions;
    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "tredegar.sms.default-language", defaultValue = "en")
    String defaultLanguage;
    /** The hub that takes SMS requests; may be left out when there is only one hub. */
    @ConfigProperty(name = "tredegar.sms.hub")
    Optional<String> smsHub;

    public Uni<Outcome> receive(String from, String body) {
        String hash = cipher.lookupHash(ContactChannel.SMS.slug(), from);
        return hub().chain(hub -> Panache.withTransaction(() -> requests.latestOpenFrom(hash)
                .chain(open -> {
                    if (open != null) {
                        return append(open, body).replaceWith(Outcome.APPENDED);
                    }
                    return requests.latestFulfilledFrom(hash).chain(done -> {
                        if (done != null && STILL_NEED.matcher(body).matches()) {
                            return transitions.reopen(done.id, RequestTransitions.STILL_NEEDS_HELP, Actors.REQUESTER)
                                    .replaceWith(Outcome.REOPENED);
                        }
                        return Uni.createFrom().item((Outcome) null);
                    });
                }))
                // A new request is written by the intake's own single statement, after the lookups.
                .chain(outcome -> outcome != null ? Uni.createFrom().item(outcome)
                        : open(hub, from, body).replaceWith(Outcome.OPENED)));
    }

    private Uni<Void> append(HelpRequestEntity request, String body) {
        String added = request.description + "\n" + body.strip();
        request.description = added.length() <= MAX_DESCRIPTION ? added : added.substring(0, MAX_DESCRIPTION - 1) + "…";
        request.updatedAt = Instant.now();
        return outbox.append(new RequestUpdated(request.id, request.hubId, request.description, null, null, request.updatedAt))
                .replaceWithVoid();
    }

    private Uni<Void> open(Hub hub, String from, String body) {
        Matcher prefixed = LANGUAGE_PREFIX.matcher(body);
        String language = defaultLanguage;
        String text = body.strip();
        if (prefixed.matches() && ISO_LANGUAGES.contains(prefixed.group(1).toLowerCase(Locale.ROOT))
                && !prefixed.group(3).isBlank()) {
            language = prefixed.group(1).toLowerCase(Locale.ROOT) + (prefixed.group(2) == null ? "" : prefixed.group(2));
            text = prefixed.group(3).strip();
        }
        if (text.length() > MAX_DESCRIPTION) {
            text = text.substring(0, MAX_DESCRIPTION - 1) + "…";
        }
        RequestForHelp request = new RequestForHelp(HelpCategory.OTHER, Urgency.ROUTINE, text, RequestForHelp.Place.UNKNOWN,
                List.of(), new RequestForHelp.Contact(ContactChannel.SMS, from), language, null, null);
        return intake.submitRouted(request, RequestIntake.Origin.requester(IntakeChannel.SMS),
                new HubDirectory.Routing(hub, false)).replaceWithVoid();
    }

    private Uni<Hub> hub() {
        if (smsHub.isPresent()) {
            return hubs.find(smsHub.get());
        }
        return hubs.all().map(all -> {
            if (all.size() != 1) {
                throw new ApiProblem(503, "sms-hub-unset", "SMS is not set up",
                        "set tredegar.sms.hub to the hub that takes SMS requests");
            }
            return all.get(0);
        });
    }
}
