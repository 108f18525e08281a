package org.tredegar.dashboard.domain;

import org.tredegar.contracts.model.RequestStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the operator page shows for one hub, as sent over the stream. Exact counts (operators and
 * coordinators of the hub only) and ids, never names or contact details.
 */
public record HubSnapshot(
        UUID hubId,
        String slug,
        String name,
        Instant generatedAt,
        Instant lastEventAt,
        Long dataAgeSeconds,
        boolean stale,
        Backlog backlog,
        List<Count> byStatus,
        List<Count> byCategory,
        MatchRatio matchedWithinTarget,
        Supply supply,
        List<Claim> claims,
        List<StockLevel> stockAlerts,
        Notifications notifications,
        List<DeliveryFailure> deliveryFailures,
        Escalations escalations,
        List<TopicRate> eventRates,
        MapView map) {

    public record Count(String key, long count) {
    }

    /** Open requests by urgency; items: unmatched requests, those past their deadline first. */
    public record Backlog(long open, long unmatched, long breaching, Long oldestUnmatchedMinutes,
                          List<UrgencyRow> byUrgency, List<Waiting> waiting) {
    }

    public record UrgencyRow(String urgency, long open, long unmatched, long breaching, Long oldestUnmatchedMinutes) {
    }

    public record Waiting(UUID requestId, String category, String urgency, String area, Instant submittedAt,
                          Instant deadline, boolean breaching, long ageMinutes, int escalationLevel) {
    }

    /** Requests first matched in the last 7 days, and how many of them within their urgency's target. */
    public record MatchRatio(long matched, long withinTarget, Double ratio) {
    }

    public record Supply(long volunteersOnDuty, long volunteersAssigned, long volunteersAvailable,
                         long offersOutstanding, long unmatchedRequests, List<AreaRow> areas, List<ItemRow> items) {
    }

    public record AreaRow(String area, long open, long unmatched) {
    }

    /** Items asked for by open requests against the estimated stock at the hub's locations. */
    public record ItemRow(String item, long requested, long inStock) {
    }

    public record Claim(UUID requestId, UUID volunteerId, RequestStatus status, Instant since, long minutes) {
    }

    public record StockLevel(UUID locationId, String item, long available, long minimum) {
    }

    public record Notifications(long sent, long failed, List<ChannelRow> byChannel) {
    }

    public record ChannelRow(String channel, long sent, long failed) {
    }

    public record DeliveryFailure(UUID deliveryId, UUID requestId, Instant failedAt, String reason) {
    }

    public record Escalations(long openEscalated, long lastDay) {
    }

    /**
     * Live events per minute for the last 30 minutes, oldest first, and the consumer lag of the dashboard's group:
     * records on the topic not yet committed by it (null: not measured, e.g. Kafka unreachable; then
     * {@code lagMeasuredAt} is the last good measurement, if any).
     */
    public record TopicRate(String topic, long lastMinute, long last15Minutes, List<Long> perMinute, Instant lastEventAt,
                            Long consumerLag, Instant lagMeasuredAt) {
    }

    /**
     * The hub's map, laid out on the server (SVG user units, north up): its outline and centre, its neighbours'
     * outlines, and per cell of about {@code cellKm} the open requests that gave a location (waiting: not matched
     * yet) and the volunteers on duty whose home cell is there (free: not holding a request). Null when the hub's
     * area is not configured.
     */
    public record MapView(int width, int height, double unitsPerKm, double cellKm, String outline, double centreX,
                          double centreY, List<MapHub> neighbours, List<MapCell> cells, long openWithoutLocation,
                          long openOffMap, long volunteersOffMap) {
    }

    /**
     * A cell as drawn (clipped to the map; {@code cx}, {@code cy}: its middle) and where it is ({@code place}: the
     * cell's centre, lat, lon). {@code balance}: "short" (more requests waiting than free volunteers there),
     * "covered" (requests waiting, enough free volunteers), or "quiet" (none waiting).
     */
    public record MapCell(double x, double y, double w, double h, double cx, double cy, String place, long open,
                          long waiting, long volunteers, long free, String balance) {
    }

    /** A neighbouring hub: its outline, and where its name goes (the middle of its part of the map; upright if narrow). */
    public record MapHub(String name, String outline, double labelX, double labelY, boolean vertical) {
    }
}
