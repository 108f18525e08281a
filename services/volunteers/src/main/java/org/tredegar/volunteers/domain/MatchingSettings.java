package org.tredegar.volunteers.domain;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tredegar.contracts.model.Urgency;

import java.time.Duration;

/** The knobs of matching and offering, from configuration (see README, "Configuration"). */
@ApplicationScoped
public class MatchingSettings {
    @ConfigProperty(name = "tredegar.matching.search-km", defaultValue = "10")
    double searchKm;
    @ConfigProperty(name = "tredegar.matching.distance-band-km", defaultValue = "2")
    double distanceBandKm;
    @ConfigProperty(name = "tredegar.matching.max-candidates", defaultValue = "2000")
    int maxCandidates;
    @ConfigProperty(name = "tredegar.matching.neighbour-hub-km", defaultValue = "25")
    double neighbourHubKm;
    @ConfigProperty(name = "tredegar.offers.top-k", defaultValue = "3")
    int topK;
    @ConfigProperty(name = "tredegar.offers.expiry.life-safety", defaultValue = "PT5M")
    Duration lifeSafetyExpiry;
    @ConfigProperty(name = "tredegar.offers.expiry.urgent", defaultValue = "PT15M")
    Duration urgentExpiry;
    @ConfigProperty(name = "tredegar.offers.expiry.routine", defaultValue = "PT2H")
    Duration routineExpiry;
    @ConfigProperty(name = "tredegar.offers.expiry.scheduled", defaultValue = "PT12H")
    Duration scheduledExpiry;

    /** The request's distance at an escalation level: level 1 and beyond ask twice as far. */
    public double searchKm(int escalationLevel) {
        return escalationLevel >= 1 ? searchKm * 2 : searchKm;
    }

    public double distanceBandKm() {
        return distanceBandKm;
    }

    public int maxCandidates() {
        return maxCandidates;
    }

    public double neighbourHubKm() {
        return neighbourHubKm;
    }

    public int topK() {
        return topK;
    }

    public Duration offerExpiry(Urgency urgency) {
        return switch (urgency) {
            case LIFE_SAFETY -> lifeSafetyExpiry;
            case URGENT -> urgentExpiry;
            case ROUTINE -> routineExpiry;
            case SCHEDULED -> scheduledExpiry;
        };
    }
}
