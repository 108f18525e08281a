package org.tredegar.volunteers.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The six-digit code as the person typed it (spaces around it are forgiven). */
public record CodeAnswer(
        @NotNull @Pattern(regexp = "^\\s*[0-9]{6}\\s*$", message = "must be the 6-digit code") String code) {
}
