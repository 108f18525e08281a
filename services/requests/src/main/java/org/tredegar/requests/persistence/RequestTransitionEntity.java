package org.tredegar.requests.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.tredegar.contracts.model.RequestStatus;

import java.time.Instant;
import java.util.UUID;

/** One step of a request's life and who took it: the hub sees who decided what. */
@Entity
@Table(name = "request_transitions")
public class RequestTransitionEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(name = "from_status")
    @Convert(converter = SlugColumns.Status.class)
    public RequestStatus fromStatus;
    @Column(name = "to_status")
    @Convert(converter = SlugColumns.Status.class)
    public RequestStatus toStatus;
    public String actor;
    public String reason;
    public Instant at;

    public static RequestTransitionEntity of(UUID requestId, RequestStatus from, RequestStatus to, String actor, String reason) {
        RequestTransitionEntity t = new RequestTransitionEntity();
        t.requestId = requestId;
        t.fromStatus = from;
        t.toStatus = to;
        t.actor = actor;
        t.reason = reason;
        t.at = Instant.now();
        return t;
    }
}
