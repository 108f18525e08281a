package org.tredegar.dashboard.domain;

import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.Urgency;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person typed into the ask form, as typed (so a page with errors shows it back), and the checks the form
 * makes before anything is sent: each problem as field → message key, in the order of the form. The requests
 * service checks again; these are here so that the person hears it in their language, next to the field.
 */
public record AskForm(String category, String urgency, String description, String where, String lat, String lon,
                      String contact, String phone, String email, String language, String accessibility,
                      String windowFrom, String windowTo) {
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{6,20}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public static AskForm empty(SiteLanguage language) {
        return new AskForm(null, null, null, null, null, null, null, null, null, language.tag(), null, null, null);
    }

    /** Field → message key of each problem; empty when the form can be sent. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (helpCategory() == null) {
            problems.put("category", "error_category");
        }
        if (description == null || description.isBlank()) {
            problems.put("description", "error_description");
        } else if (description.length() > 4000) {
            problems.put("description", "error_description_long");
        }
        if (urgencyLevel() == null) {
            problems.put("urgency", "error_urgency");
        }
        if (!hasPoint() && (where == null || where.isBlank())) {
            problems.put("where", "error_where");
        } else if (where != null && where.length() > 64) {
            problems.put("where", "error_where_unknown");
        }
        ContactChannel channel = contactChannel();
        if (channel == ContactChannel.SMS || channel == ContactChannel.PHONE) {
            if (phone == null || !PHONE.matcher(phone.trim()).matches()) {
                problems.put("phone", "error_phone");
            }
        } else if (channel == ContactChannel.EMAIL && (email == null || !EMAIL.matcher(email.trim()).matches())) {
            problems.put("email", "error_email");
        }
        if (accessibility != null && accessibility.length() > 1000) {
            problems.put("accessibility", "error_access_long");
        }
        boolean anyTime = filled(windowFrom) || filled(windowTo);
        if (anyTime) {
            LocalDateTime from = time(windowFrom), to = time(windowTo);
            if (from == null || to == null || !to.isAfter(from)) {
                problems.put("windowFrom", "error_window");
            }
        } else if (urgencyLevel() == Urgency.SCHEDULED) {
            problems.put("windowFrom", "error_window_needed");
        }
        return problems;
    }

    public HelpCategory helpCategory() {
        return Arrays.stream(HelpCategory.values()).filter(c -> c.slug().equals(category)).findFirst().orElse(null);
    }

    public Urgency urgencyLevel() {
        return Arrays.stream(Urgency.values()).filter(u -> u.slug().equals(urgency)).findFirst().orElse(null);
    }

    /** "none" when nothing was chosen: asking without any contact is fine. */
    public ContactChannel contactChannel() {
        return Arrays.stream(ContactChannel.values()).filter(c -> c.slug().equals(contact)).findFirst()
                .orElse(ContactChannel.NONE);
    }

    public String contactValue() {
        return switch (contactChannel()) {
            case SMS, PHONE -> phone.trim();
            case EMAIL -> email.trim();
            case NONE -> null;
        };
    }

    /** The point "use my location" filled in, when both halves are numbers in range. */
    public boolean hasPoint() {
        Double la = number(lat), lo = number(lon);
        return la != null && lo != null && Math.abs(la) <= 90 && Math.abs(lo) <= 180;
    }

    public Double latitude() {
        return number(lat);
    }

    public Double longitude() {
        return number(lon);
    }

    public boolean lifeSafety() {
        return urgencyLevel() == Urgency.LIFE_SAFETY;
    }

    public boolean hasWindow() {
        return time(windowFrom) != null && time(windowTo) != null;
    }

    /** A window time, typed in the hub's local time (datetime-local). */
    public static LocalDateTime time(String value) {
        if (!filled(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }

    private static Double number(String value) {
        if (!filled(value)) {
            return null;
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
