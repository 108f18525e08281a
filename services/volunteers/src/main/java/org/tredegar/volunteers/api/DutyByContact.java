package org.tredegar.volunteers.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A volunteer's "OFF" / "ON" by text, relayed by the notifications service: the number they texted from (as they
 * registered it) and what they asked for.
 */
public record DutyByContact(
        @NotNull @Pattern(regexp = "sms|email", message = "must be sms or email") String channel,
        @NotBlank @Size(max = 320) String value,
        @NotNull Boolean onDuty) {
}
