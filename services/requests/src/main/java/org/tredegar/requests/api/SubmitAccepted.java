package org.tredegar.requests.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.requests.domain.IntakeReceipt;

import java.util.UUID;

/** The answer to a request for help: how to follow it, and (for life-safety) what to do right now. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmitAccepted(UUID id, RequestStatus status, String trackingCode, String hub, String nextStep,
                             String emergencyGuidance) {
    static SubmitAccepted of(IntakeReceipt receipt) {
        return new SubmitAccepted(receipt.id(), receipt.status(), receipt.trackingCode(), null, receipt.nextStep(),
                receipt.emergencyGuidance());
    }
}
