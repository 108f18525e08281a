package org.tredegar.notifications.contacts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tredegar.notifications.config.Hubs;
import org.tredegar.notifications.domain.Intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks the owning service over HTTP: requesters from the requests service, volunteers from the volunteers service
 * (both audit the read). A hub's coordinators are reached at the hub's configured duty contact.
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
    public Uni<Optional<Contact>> find(String recipientType, UUID recipientRef, UUID hubId) {
        return switch (recipientType) {
            case Intent.REQUESTER -> ask(requests.contact(recipientRef));
            case Intent.VOLUNTEER -> ask(volunteers.contact(recipientRef));
            case Intent.COORDINATOR -> Uni.createFrom().item(coordinators(hubId));
            default -> Uni.createFrom().item(Optional.empty());
        };
    }

    private static Uni<Optional<Contact>> ask(Uni<Contact> call) {
        return call.map(c -> Optional.ofNullable(c).filter(x -> !"none".equals(x.channel()) || x.alternatives() != null))
                .onFailure(HttpContactDirectory::gone).recoverWithItem(Optional.empty());
    }

    /** 404/410: the person or their contact is gone (erased, withdrawn): nobody to reach, not an error. */
    private static boolean gone(Throwable e) {
        return e instanceof WebApplicationException w
                && (w.getResponse().getStatus() == 404 || w.getResponse().getStatus() == 410);
    }

    private Optional<Contact> coordinators(UUID hubId) {
        List<Contact.Address> addresses = new ArrayList<>();
        hubs.coordinatorContact(hubId, "sms").ifPresent(v -> addresses.add(new Contact.Address("sms", v)));
        hubs.coordinatorContact(hubId, "email").ifPresent(v -> addresses.add(new Contact.Address("email", v)));
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        String language = hubs.coordinatorContact(hubId, "language").orElse("en");
        Contact.Address first = addresses.get(0);
        return Optional.of(new Contact(first.channel(), first.value(), language, addresses.subList(1, addresses.size())));
    }
}
