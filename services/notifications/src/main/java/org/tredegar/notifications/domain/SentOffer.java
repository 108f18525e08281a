package org.tredegar.notifications.domain;

import java.util.Map;
import java.util.UUID;

/**
 * An offer that went out by SMS, as a reply from that number is matched against it: the offer's notification
 * ({@code id}), the volunteer and the offer, its template values, and the answer already given by SMS, if any.
 */
public record SentOffer(UUID id, UUID hubId, UUID volunteerId, UUID offerId, String language,
                        Map<String, Object> params, OfferAnswer answer) {
}
