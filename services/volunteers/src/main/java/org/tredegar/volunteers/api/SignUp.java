package org.tredegar.volunteers.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.volunteers.domain.Profile;
import org.tredegar.volunteers.domain.Skill;

import java.util.List;

/**
 * A volunteer signing up (with an account), or a coordinator registering someone who has none (then
 * {@code contact} is required: offers reach them by SMS or email). {@code verifiedSkills} only a coordinator may
 * set. Unknown fields are refused.
 */
public record SignUp(
        @NotBlank @Size(max = 100) String displayName,
        @NotEmpty @Size(max = 10) List<String> hubs,
        @NotNull @Valid Home location,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 km")
        @DecimalMax(value = "100", message = "must be at most 100 km") Double radiusKm,
        @Size(max = 20) List<@NotNull Skill> skills,
        @NotEmpty @Size(max = 10) List<String> languages,
        @Size(max = 50) List<@NotNull @Valid Window> availability,
        Boolean onDuty,
        @Valid Limits limits,
        @Valid Contact contact,
        @Size(max = 20) List<@NotNull Skill> verifiedSkills) {

    public Profile toProfile() {
        return new Profile(displayName, hubs, location.toProfile(), radiusKm, skills, languages, windows(availability),
                onDuty, limits == null ? null : limits.toProfile(), contact == null ? null : contact.toProfile(),
                verifiedSkills);
    }

    static List<Profile.Window> windows(List<Window> availability) {
        return availability == null ? null : availability.stream().map(Window::toProfile).toList();
    }

    public record Home(
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 64) String area) {

        Profile.Home toProfile() {
            return new Profile.Home(lat, lon, area);
        }
    }

    /** A weekly window in the volunteer's timezone; "24:00" ends at midnight. */
    public record Window(
            @NotNull @Pattern(regexp = Patterns.WEEKDAY, message = Patterns.WEEKDAY_MESSAGE) String day,
            @NotNull @Pattern(regexp = Patterns.CLOCK, message = "must be a time HH:MM") String from,
            @NotNull @Pattern(regexp = Patterns.CLOCK_END, message = "must be a time HH:MM (24:00 for midnight)") String to) {

        Profile.Window toProfile() {
            return new Profile.Window(day, from, to);
        }
    }

    /** {@code maxTasksPerWeek} null = no limit. */
    public record Limits(@Min(1) @Max(100) Integer maxTasksPerWeek, @Min(0) @Max(168) Integer restHours) {

        Profile.Limits toProfile() {
            return new Profile.Limits(maxTasksPerWeek, restHours);
        }
    }

    public record Contact(@NotNull ContactChannel channel, @NotBlank @Size(max = 254) String value) {
        @AssertTrue(message = "a phone number (digits, spaces, +) for sms/phone, an email address for email")
        public boolean isValueFitForChannel() {
            if (channel == null || value == null) {
                return true;
            }
            return switch (channel) {
                case NONE -> false;
                case EMAIL -> value.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
                case SMS, PHONE -> value.matches("^\\+?[0-9 ()-]{6,20}$");
            };
        }

        Profile.Contact toProfile() {
            return new Profile.Contact(channel, value);
        }
    }
}
