package org.tredegar.notifications.contacts;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tredegar.notifications.domain.Intent;

import java.util.Optional;
import java.util.UUID;

/**
 * Fetches a one-time code and its address from the service that issued it, at send time, with this service's own
 * token: a requester's code from the requests service, a volunteer sign-up's code from the volunteers service.
 * 404 (unknown) and 410 (expired or used) are not errors: there is nothing to send.
 */
@ApplicationScoped
public class OneTimeCodes {
    @Inject
    @RestClient
    RequestsClient requests;
    @Inject
    @RestClient
    VolunteersClient volunteers;

    public Uni<Optional<OneTimeCode>> find(String recipientType, UUID codeId) {
        Uni<OneTimeCode> call = switch (recipientType) {
            case Intent.REQUESTER -> requests.oneTimeCode(codeId);
            case Intent.VOLUNTEER -> volunteers.oneTimeCode(codeId);
            default -> Uni.createFrom().nullItem();
        };
        return call.map(Optional::ofNullable)
                .onFailure(e -> e instanceof WebApplicationException w
                        && (w.getResponse().getStatus() == 404 || w.getResponse().getStatus() == 410))
                .recoverWithItem(Optional.empty());
    }
}
