package org.tredegar.volunteers.api;

import java.time.Instant;
import java.util.UUID;

/** What a volunteer is asked: kind of help, roughly how far, until when. Never the requester's contact or address. */
public record OfferView(UUID id, UUID requestId, String category, String urgency, double roughDistanceKm,
                        String offerCode, Instant expiresAt) {
}
