package org.tredegar.volunteers.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.volunteers.domain.ProfileChange;
import org.tredegar.volunteers.domain.Skill;

import java.util.List;

/** A change to one's own profile: every field given replaces the stored one; absent fields stay as they are. */
public record ProfilePatch(
        @Size(min = 1, max = 100) String displayName,
        @Size(min = 1, max = 10) List<String> hubs,
        @Valid SignUp.Home location,
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 km")
        @DecimalMax(value = "100", message = "must be at most 100 km") Double radiusKm,
        @Size(max = 20) List<@NotNull Skill> skills,
        @Size(min = 1, max = 10) List<String> languages,
        @Size(max = 50) List<SignUp.@NotNull @Valid Window> availability,
        Boolean onDuty,
        @Valid SignUp.Limits limits) {

    public ProfileChange toChange() {
        return new ProfileChange(displayName, hubs, location == null ? null : location.toProfile(), radiusKm, skills,
                languages, SignUp.windows(availability), onDuty, limits == null ? null : limits.toProfile());
    }
}
