package org.tredegar.requests.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/** The answer to a request for help: how to follow it, and (for life-safety) what to do right now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitAccepted(UUID id, String status, String trackingCode, String hub, String nextStep,
                             String emergencyGuidance) {
}
