package org.tredegar.requests.api;

import org.tredegar.contracts.model.RequestStatus;

import java.time.Instant;

/** What the person who asked sees without logging in: where their request is and what happens next. Nothing else. */
public record TrackingView(String trackingCode, RequestStatus status, String nextStep, Instant updatedAt) {
}
