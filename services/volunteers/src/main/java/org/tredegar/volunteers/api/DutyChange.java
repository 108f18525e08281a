package org.tredegar.volunteers.api;

import jakarta.validation.constraints.NotNull;

public record DutyChange(@NotNull Boolean onDuty) {
}
