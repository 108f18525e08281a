package org.tredegar.volunteers.domain;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.contracts.requests.v1.RequestEscalated;
import org.tredegar.contracts.requests.v1.RequestSubmitted;
import org.tredegar.contracts.requests.v1.RequestTriaged;
import org.tredegar.contracts.volunteers.v1.OfferExpired;
import org.tredegar.contracts.volunteers.v1.OfferMade;
import org.tredegar.platform.outbox.OutboxWriter;
import org.tredegar.volunteers.persistence.MatchRoundEntity;
import org.tredegar.volunteers.persistence.MatchRounds;
import org.tredegar.volunteers.persistence.OfferEntity;
import org.tredegar.volunteers.persistence.Offers;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * One matching round per request: opened by RequestSubmitted, kept at k offers out as offers expire or are
 * declined or released, widened by RequestEscalated, stopped by an accept or by the request closing.
 * <p>
 * Every method runs inside the caller's transaction and first locks the round's row, so that per request the
 * order of locks is always round → offers → assignment (no deadlocks between accepts, expiry and escalation),
 * and several replicas never make two rounds' worth of offers for one request.
 */
@ApplicationScoped
public class OfferRounds {
    private static final Logger LOG = Logger.getLogger(OfferRounds.class);
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Beyond this level coordinators take over: nothing more happens automatically. */
    public static final int LAST_AUTOMATIC_LEVEL = 2;

    @Inject
    CandidateSearch search;
    @Inject
    MatchingSettings settings;
    @Inject
    HubGeography geography;
    @Inject
    OutboxWriter outbox;
    @Inject
    MatchRounds rounds;
    @Inject
    Offers offers;

    /**
     * Opens the request's round and makes the first offers. A round that already exists — the same event again
     * under another id, or a replay — is left alone: the primary key on request_id decides, not a lookup.
     */
    public Uni<Void> submitted(RequestSubmitted e) {
        Instant now = StoredTime.now();
        MatchRoundEntity round = newRound(e.requestId(), e.hubId(), e.category(), e.urgency(), e.location(), now);
        round.language = e.language();
        round.windowFrom = e.window() == null ? null : e.window().from();
        round.windowTo = e.window() == null ? null : e.window().to();
        return rounds.insertIfNew(round).chain(inserted -> {
            if (!inserted) {
                LOG.debugf("request %s already has a round; no second one", e.requestId());
                return Uni.createFrom().voidItem();
            }
            return lock(e.requestId()).chain(locked -> topUp(locked, now)).replaceWithVoid();
        });
    }

    /** A coordinator corrected category or urgency: later offers use it; a round waiting for candidates tries again. */
    public Uni<Void> triaged(RequestTriaged e) {
        return lock(e.requestId()).chain(round -> {
            if (round == null) {
                return Uni.createFrom().voidItem();
            }
            round.category = e.category().slug();
            round.urgency = e.urgency().slug();
            round.updatedAt = StoredTime.now();
            return round.status == RoundStatus.OPEN ? topUp(round, round.updatedAt).replaceWithVoid()
                    : Uni.createFrom().voidItem();
        });
    }

    /**
     * Nobody took the request in time. Level 1 asks twice as far, level 2 also asks neighbouring hubs' volunteers,
     * level 3 leaves it to coordinators. Each level asks k people not asked before, on top of any still pending.
     */
    public Uni<Void> escalated(RequestEscalated e) {
        Instant now = StoredTime.now();
        return lock(e.requestId()).chain(existing -> {
            MatchRoundEntity round = existing != null ? existing
                    : newRound(e.requestId(), e.hubId(), e.category(), e.urgency(), e.location(), now);
            Uni<MatchRoundEntity> ready = existing != null ? Uni.createFrom().item(round) : round.persist().replaceWith(round);
            return ready.chain(r -> {
                if (r.status != RoundStatus.OPEN || e.level() <= r.escalationLevel) {
                    return Uni.createFrom().voidItem();
                }
                r.escalationLevel = e.level();
                r.updatedAt = now;
                if (e.level() > LAST_AUTOMATIC_LEVEL) {
                    return Uni.createFrom().voidItem();
                }
                return offerNext(r, settings.topK(), now).replaceWithVoid();
            });
        });
    }

    /** The request was cancelled, closed, fulfilled or merged away: nobody else is asked, pending offers lapse. */
    public Uni<Void> closed(UUID requestId) {
        return lock(requestId).chain(round -> {
            if (round == null || round.status == RoundStatus.CLOSED) {
                return Uni.createFrom().voidItem();
            }
            round.status = RoundStatus.CLOSED;
            round.updatedAt = StoredTime.now();
            return offers.withdrawPending(requestId, round.updatedAt).replaceWithVoid();
        });
    }

    /** Expires the request's overdue offers and asks the next candidates in their place. */
    public Uni<Integer> expireDue(UUID requestId, Instant now) {
        return lock(requestId).chain(round -> {
            if (round == null) {
                return Uni.createFrom().item(0);
            }
            return offers.expireDue(requestId, now).chain(expired -> {
                Uni<Void> events = Uni.createFrom().voidItem();
                for (Offers.Expired offer : expired) {
                    events = events.chain(() -> outbox.append(new OfferExpired(offer.offerId(), requestId, offer.volunteerId(),
                            offer.hubId(), now)).replaceWithVoid());
                }
                return events.chain(() -> round.status == RoundStatus.OPEN ? topUp(round, now)
                        : Uni.createFrom().item(0)).replaceWith(expired.size());
            });
        });
    }

    /** Locks and returns the request's round (null if none): the first step of every change to a round. */
    public Uni<MatchRoundEntity> lock(UUID requestId) {
        return rounds.lock(requestId);
    }

    /** Keeps k offers out for an open round; returns how many new offers were made. */
    public Uni<Integer> topUp(MatchRoundEntity round, Instant now) {
        return offers.pendingCount(round.requestId)
                .chain(pending -> offerNext(round, settings.topK() - pending.intValue(), now));
    }

    /** Asks the {@code wanted} best candidates nobody has asked for this request yet. */
    Uni<Integer> offerNext(MatchRoundEntity round, int wanted, Instant now) {
        if (wanted <= 0) {
            return Uni.createFrom().item(0);
        }
        MatchRequest request = requestFor(round, now);
        if (request == null) {
            LOG.infof("request %s has no place to match around (no point, hub centre unknown): left to coordinators",
                    round.requestId);
            return Uni.createFrom().item(0);
        }
        return search.candidates(request).chain(ranked -> {
            List<Matcher.Ranked> chosen = ranked.stream().limit(wanted).toList();
            Uni<Integer> made = Uni.createFrom().item(0);
            for (Matcher.Ranked candidate : chosen) {
                made = made.chain(count -> offer(round, request, candidate, now).map(ok -> ok ? count + 1 : count));
            }
            return made;
        });
    }

    private Uni<Boolean> offer(MatchRoundEntity round, MatchRequest request, Matcher.Ranked candidate, Instant now) {
        Urgency urgency = Urgency.fromSlug(round.urgency);
        OfferEntity offer = new OfferEntity();
        offer.id = UUID.randomUUID();
        offer.requestId = round.requestId;
        offer.volunteerId = candidate.volunteer().id();
        offer.hubId = round.hubId;
        offer.category = round.category;
        offer.urgency = round.urgency;
        offer.distanceKm = Math.round(candidate.distanceKm() * 10) / 10.0;
        offer.offerCode = offerCode();
        offer.status = OfferStatus.PENDING;
        offer.expiresAt = now.plus(settings.offerExpiry(urgency));
        offer.createdAt = now;
        return offers.insertIfNew(offer).chain(inserted -> !inserted ? Uni.createFrom().item(false)
                : outbox.append(new OfferMade(offer.id, round.requestId, offer.volunteerId, round.hubId,
                        HelpCategory.fromSlug(round.category), urgency, offer.distanceKm, offer.offerCode,
                        offerLanguage(request.language(), candidate.volunteer().languages()), offer.expiresAt, now))
                .replaceWith(true));
    }

    /** What the matcher needs to know, at the round's escalation level; null if there is no place to search around. */
    public MatchRequest requestFor(MatchRoundEntity round, Instant now) {
        GeoPoint point = round.lat != null && round.lon != null ? new GeoPoint(round.lat, round.lon)
                : geography.centreOf(round.hubId).orElse(null);
        if (point == null) {
            return null;
        }
        Set<UUID> hubs = round.escalationLevel >= 2 ? geography.withNeighbours(round.hubId, settings.neighbourHubKm())
                : Set.of(round.hubId);
        Instant from = round.windowFrom != null && round.windowFrom.isAfter(now) ? round.windowFrom : now;
        Instant to = round.windowTo != null && round.windowTo.isAfter(from) ? round.windowTo : from;
        return new MatchRequest(round.requestId, hubs, point.lat(), point.lon(), settings.searchKm(round.escalationLevel),
                CategoryNeeds.of(HelpCategory.fromSlug(round.category)), round.language, from, to, now);
    }

    /** A round as a request's first event opens it: level 0, open. */
    private static MatchRoundEntity newRound(UUID requestId, UUID hubId, HelpCategory category, Urgency urgency,
                                             GeoPoint point, Instant now) {
        MatchRoundEntity round = new MatchRoundEntity();
        round.requestId = requestId;
        round.hubId = hubId;
        round.category = category.slug();
        round.urgency = urgency.slug();
        round.lat = point == null ? null : point.lat();
        round.lon = point == null ? null : point.lon();
        round.escalationLevel = 0;
        round.status = RoundStatus.OPEN;
        round.createdAt = now;
        round.updatedAt = now;
        return round;
    }

    /** The language the offer text should be in: the one the volunteer shares with the requester, else their first. */
    static String offerLanguage(String requested, List<String> spoken) {
        if (requested != null) {
            String primary = requested.toLowerCase(Locale.ROOT).split("-")[0];
            for (String tag : spoken) {
                if (tag.split("-")[0].equals(primary)) {
                    return tag;
                }
            }
        }
        return spoken.isEmpty() ? "en" : spoken.get(0);
    }

    private static String offerCode() {
        StringBuilder code = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
