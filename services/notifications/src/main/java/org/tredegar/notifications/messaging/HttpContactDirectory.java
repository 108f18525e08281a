package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.domain.RecipientType;
import org.tredegar.platform.code.OneTimeCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks the owning service over HTTP, with this service's own token: requesters (and their one-time codes) from the
 * requests service, volunteers (and sign-up codes) from the volunteers service; both audit the read. A hub's
 * coordinators are reached at the hub's configured duty contact. 404 (unknown) and 410 (gone: erased, withdrawn,
 * used or expired) are not errors: there is nothing to send.
 */
@ApplicationScoped
public class HttpContactDirectory implements ContactDirectory {
    @Inject
    @RestClient
    RequestsClient requests;
    @Inject
    @RestClient
    VolunteersClient volunteers;
    @Inject
    Hubs hubs;

    @Override
    public Uni<Optional<Contact>> find(RecipientType recipientType, UUID recipientRef, UUID hubId) {
        return switch (recipientType) {
            case REQUESTER -> ask(requests.contact(recipientRef));
            case VOLUNTEER -> ask(volunteers.contact(recipientRef));
            case COORDINATOR -> Uni.createFrom().item(coordinators(hubId));
        };
    }

    @Override
    public Uni<Optional<OneTimeCode>> oneTimeCode(RecipientType recipientType, UUID codeId) {
        Uni<OneTimeCode> call = switch (recipientType) {
            case REQUESTER -> requests.oneTimeCode(codeId);
            case VOLUNTEER -> volunteers.oneTimeCode(codeId);
            case COORDINATOR -> Uni.createFrom().nullItem();
        };
        return call.map(Optional::ofNullable).onFailure(HttpContactDirectory::gone).recoverWithItem(Optional.empty());
    }

    private static Uni<Optional<Contact>> ask(Uni<Contact> call) {
        return call.map(c -> Optional.ofNullable(c).filter(x -> !"none".equals(x.channel()) || x.alternatives() != null))
                .onFailure(HttpContactDirectory::gone).recoverWithItem(Optional.empty());
    }

    private static boolean gone(Throwable e) {
        return e instanceof WebApplicationException w
                && (w.getResponse().getStatus() == 404 || w.getResponse().getStatus() == 410);
    }

    private Optional<Contact> coordinators(UUID hubId) {
        List<Contact.Alternative> addresses = new ArrayList<>();
        hubs.coordinatorContact(hubId, "sms").ifPresent(v -> addresses.add(new Contact.Alternative("sms", v)));
        hubs.coordinatorContact(hubId, "email").ifPresent(v -> addresses.add(new Contact.Alternative("email", v)));
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        String language = hubs.coordinatorContact(hubId, "language").orElse("en");
        Contact.Alternative first = addresses.get(0);
        return Optional.of(new Contact(first.channel(), first.value(), language, addresses.subList(1, addresses.size())));
    }
}
