package org.tredegar.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.UUID;

/**
 * A fact one Tredegar service publishes for the others. Every implementation is a record in a
 * {@code org.tredegar.contracts.<service>.v<N>} package and is registered in {@link EventCatalog}.
 */
public interface TredegarEvent {

    /** Every event belongs to exactly one hub, so consumers can scope work and permissions without lookups. */
    UUID hubId();

    /**
     * The Kafka record key and the CloudEvents {@code subject}. Events of one aggregate share a partition, which is
     * the only ordering Kafka gives us. Derived from the record's own fields, so it is never serialised.
     */
    @JsonIgnore
    String aggregateId();
}
