package org.tredegar.logistics.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.logistics.domain.LocationKind;
import org.tredegar.logistics.domain.Locations;

/** A new stock location. A place, not a person: a volunteer's garage is named by street or area, not by owner. */
public record NewLocation(
        @NotBlank @Size(max = 120) String name,
        @NotNull LocationKind kind,
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Size(max = 500) String openingHours) {

    Locations.Details toDetails() {
        return new Locations.Details(name, kind, lat, lon, openingHours);
    }
}
