package org.tredegar.requests.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.ItemQuantity;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.model.TimeWindow;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.requests.domain.RequestForHelp;

import java.time.Instant;
import java.util.List;

/**
 * What someone asking for help tells us. Nothing here asks who they are or whether they "deserve" help, and
 * nothing ever may: unknown fields are refused, so none can be slipped in either.
 */
public record SubmitRequest(
        @NotNull HelpCategory category,
        @NotNull Urgency urgency,
        @NotBlank @Size(max = 4096, message = "must be at most 4096 characters") String description,
        @NotNull @Valid Location location,
        @Size(max = 50) List<@Valid @NotNull Item> items,
        @Valid Contact contact,
        @NotBlank @Pattern(regexp = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "must be a BCP 47 language tag such as en or cy-GB")
        String language,
        @Size(max = 1000) String accessibility,
        @Valid Window window) {

    /** What the person asked for, as intake takes it from every channel; call once the body is valid. */
    RequestForHelp toRequestForHelp() {
        return new RequestForHelp(category, urgency, description,
                new RequestForHelp.Place(location.lat(), location.lon(), location.area()),
                items == null ? List.of() : items.stream().map(i -> new ItemQuantity(i.item(), i.quantity())).toList(),
                contact == null ? null : new RequestForHelp.Contact(contact.channel(), contact.value()),
                language, accessibility, window == null ? null : new TimeWindow(window.from(), window.to()));
    }

    public record Location(
            @DecimalMin("-90") @DecimalMax("90") Double lat,
            @DecimalMin("-180") @DecimalMax("180") Double lon,
            @Size(max = 64) String area) {
        @AssertTrue(message = "give lat and lon, or an area or postcode district")
        public boolean isComplete() {
            return (lat != null && lon != null) || (area != null && !area.isBlank());
        }
    }

    public record Item(@NotNull ItemSlug item, @Min(1) @Max(1000) int quantity) {
    }

    public record Contact(@NotNull ContactChannel channel, @Size(max = 254) String value) {
        private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
        private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9 ()-]{6,20}$");

        @AssertTrue(message = "a phone number (digits, spaces, +) for sms/phone, an email address for email, nothing for none")
        public boolean isValueFitForChannel() {
            if (channel == null) {
                return true;
            }
            return switch (channel) {
                case NONE -> value == null || value.isBlank();
                case EMAIL -> value != null && EMAIL.matcher(value).matches();
                case SMS, PHONE -> value != null && PHONE.matcher(value).matches();
            };
        }
    }

    public record Window(@NotNull Instant from, @NotNull Instant to) {
        @AssertTrue(message = "must end after it starts")
        public boolean isOrdered() {
            return from == null || to == null || to.isAfter(from);
        }
    }
}
