package org.tredegar.volunteers.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.volunteers.domain.Profile;
import org.tredegar.volunteers.domain.Skill;

import java.util.List;

/**
 * Someone signing up with just a phone number or email, to be confirmed by a one-time code (no account). The
 * profile fields are the account sign-up's, checked the same way; {@code contact} is required (sms or email) and
 * {@code language} is what the code is sent in (default: the first of {@code languages}). Without an account
 * nobody can switch duty on later, so {@code onDuty} defaults to true here. Unknown fields (verifiedSkills too)
 * are refused.
 */
public record CodeSignUp(
        @NotBlank @Size(max = 100) String displayName,
        @NotEmpty @Size(max = 10) List<String> hubs,
        @NotNull @Valid SignUp.Home location,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 km")
        @DecimalMax(value = "100", message = "must be at most 100 km") Double radiusKm,
        @Size(max = 20) List<@NotNull Skill> skills,
        @NotEmpty @Size(max = 10) List<String> languages,
        @Size(max = 50) List<SignUp.@NotNull @Valid Window> availability,
        Boolean onDuty,
        @Valid SignUp.Limits limits,
        @NotNull(message = "a phone number (sms) or email to send the code to is required") @Valid SignUp.Contact contact,
        @Size(max = 35) String language) {

    /** The profile as an account sign-up would carry it, with the contact (never verified skills). */
    public Profile profile() {
        return new SignUp(displayName, hubs, location, radiusKm, skills, languages, availability,
                onDuty == null || onDuty, limits, contact, null).toProfile();
    }
}
