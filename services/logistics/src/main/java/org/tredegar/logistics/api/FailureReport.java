package org.tredegar.logistics.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a delivery did not happen, e.g. {@code nobody-home}; no details about the person. */
public record FailureReport(@NotBlank @Size(max = 200) String reason) {
}
