package org.tredegar.notifications.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.tredegar.notifications.domain.Claimed;
import org.tredegar.notifications.domain.OwnContext;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What some messages need beyond their stored values, asked of the owning service at send time and held for this one
 * render: the tracking code in "we have your request", the volunteer's first name in "a neighbour is on the way", and
 * the task itself (what, the exact place, when) in the volunteer's task details. Nothing of it is stored here.
 */
@ApplicationScoped
public class SendTimeDetails {
    private static final int LONGEST_DESCRIPTION = 280;

    @Inject
    @RestClient
    RequestsClient requests;
    @Inject
    @RestClient
    VolunteersClient volunteers;

    /** The task is no longer running (409) or the request is gone (404/410): the message has nothing left to say. */
    public static final class NothingToSay extends RuntimeException {
        NothingToSay(String why) {
            super(why, null, false, false);
        }
    }

    public Uni<Map<String, Object>> forMessage(Claimed n, Contact recipient) {
        Map<String, Object> params = new LinkedHashMap<>(n.params());
        return switch (n.kind()) {
            case REQUEST_RECEIVED -> {
                if (recipient.trackingCode() != null) {
                    params.put("trackingCode", recipient.trackingCode());
                }
                yield Uni.createFrom().item(params);
            }
            case REQUEST_MATCHED -> {
                params.put("relay", recipient.addresses().stream().anyMatch(a -> "sms".equals(a.channel())));
                yield firstName(params.get("volunteerId")).map(name -> {
                    if (name != null) {
                        params.put("firstName", name);
                    }
                    return params;
                });
            }
            case TASK_DETAILS, TASK_REMINDER -> task(n, params);
            default -> Uni.createFrom().item(params);
        };
    }

    /** A first name only; a failed lookup leaves it out ("a volunteer near you"): the news matters more than the name. */
    private Uni<String> firstName(Object volunteerId) {
        if (volunteerId == null) {
            return Uni.createFrom().nullItem();
        }
        return OwnContext.back(volunteers.contact(UUID.fromString(volunteerId.toString())))
                .map(Contact::firstName)
                .onFailure().recoverWithNull();
    }

    private Uni<Map<String, Object>> task(Claimed n, Map<String, Object> params) {
        UUID requestId = UUID.fromString(String.valueOf(params.get("requestId")));
        return OwnContext.back(requests.task(requestId))
                .onFailure(SendTimeDetails::over).transform(e -> new NothingToSay("the task is no longer running"))
                .map(task -> {
                    params.put("category", task.category());
                    if (task.description() != null && !task.description().isBlank()) {
                        String text = task.description().strip().replaceAll("\\s+", " ");
                        params.put("description", text.length() <= LONGEST_DESCRIPTION ? text
                                : text.substring(0, LONGEST_DESCRIPTION - 1) + "…");
                    }
                    if (task.place() != null) {
                        params.put("place", place(task.place()));
                    }
                    if (task.window() != null && task.window().from() != null) {
                        params.put("windowFrom", task.window().from());
                        if (task.window().to() != null) {
                            params.put("windowTo", task.window().to());
                        }
                    }
                    return params;
                });
    }

    /** "NP22 3AB (51.77312, -3.24811)": the words people use and the exact point a map needs. */
    static String place(RequestsClient.TaskEntry.Place place) {
        String point = place.latitude() == null || place.longitude() == null ? null
                : String.format(Locale.ROOT, "%.5f, %.5f", place.latitude(), place.longitude());
        if (place.label() == null || place.label().isBlank()) {
            return point == null ? "" : point;
        }
        return point == null ? place.label() : place.label() + " (" + point + ")";
    }

    private static boolean over(Throwable e) {
        if (!(e instanceof WebApplicationException w)) {
            return false;
        }
        int status = w.getResponse().getStatus();
        return status == 404 || status == 409 || status == 410;
    }
}
