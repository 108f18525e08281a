package org.tredegar.requests.domain;

import org.tredegar.contracts.model.RequestStatus;

import java.util.UUID;

/**
 * What the person who asked is told at once: how to follow their request and what happens next, and for
 * life-safety requests what to do right now ({@code emergencyGuidance}, else null).
 */
public record IntakeReceipt(UUID id, RequestStatus status, String trackingCode, String nextStep, String emergencyGuidance) {
}
