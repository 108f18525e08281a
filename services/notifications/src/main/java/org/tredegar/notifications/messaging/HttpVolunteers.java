package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.tredegar.notifications.domain.OfferAnswer;
import org.tredegar.notifications.domain.OwnContext;
import org.tredegar.notifications.domain.Volunteers;

import java.util.Optional;
import java.util.UUID;

/**
 * The volunteers service's offer answers and duty switch, called over HTTP with this service's own token on a
 * volunteer's behalf (the volunteers service checks the offer is theirs).
 */
@ApplicationScoped
public class HttpVolunteers implements Volunteers {
    private static final Logger LOG = Logger.getLogger(HttpVolunteers.class);

    @Inject
    @RestClient
    VolunteersClient volunteers;

    @Override
    public Uni<Boolean> answer(UUID offerId, UUID volunteerId, OfferAnswer answer) {
        var by = new VolunteersClient.AnsweredBy(volunteerId, "sms");
        // Back on this request's context before the answer is recorded (see OwnContext.back).
        Uni<Void> sent = OwnContext.back(answer == OfferAnswer.ACCEPTED ? volunteers.accept(offerId, by) : volunteers.decline(offerId, by));
        return sent.replaceWith(true)
                .onFailure(e -> status(e) / 100 == 4)
                .recoverWithItem(e -> {
                    LOG.infof("offer %s could not be answered by SMS: %s", offerId, e.getMessage());
                    return false;
                });
    }

    @Override
    public Uni<TaskEnd> endTask(UUID assignmentId, UUID volunteerId, boolean done) {
        Uni<Void> call = done ? volunteers.complete(assignmentId, new VolunteersClient.CompletedBy(volunteerId))
                : volunteers.release(assignmentId, new VolunteersClient.ReleasedBy(volunteerId, "cannot-make-it"));
        return OwnContext.back(call).replaceWith(TaskEnd.ENDED)
                .onFailure(e -> status(e) == 403).recoverWithItem(TaskEnd.NOT_YOURS)
                .onFailure(e -> status(e) == 404 || status(e) == 409 || status(e) == 410).recoverWithItem(TaskEnd.ALREADY_OVER);
    }

    @Override
    public Uni<Optional<DutySwitched>> switchDuty(String phone, boolean onDuty) {
        return OwnContext.back(volunteers.dutyByContact(new VolunteersClient.DutyByContact("sms", phone, onDuty)))
                .map(d -> Optional.of(new DutySwitched(d.onDuty(), d.language())))
                .onFailure(e -> status(e) == 404).recoverWithItem(Optional.empty());
    }

    private static int status(Throwable e) {
        return e instanceof WebApplicationException w ? w.getResponse().getStatus() : 0;
    }
}
