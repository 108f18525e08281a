package org.tredegar.volunteers.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/** The stored JSON form of weekly windows: {@code [{"day":"monday","from":"09:00","to":"17:00"}]}. */
public final class Availability {
    public record Stored(String day, String from, String to) {
    }

    private static final TypeReference<List<Stored>> LIST = new TypeReference<>() {
    };

    private Availability() {
    }

    public static WeeklyAvailability read(ObjectMapper json, String stored) {
        if (stored == null || stored.isBlank() || stored.equals("[]")) {
            return WeeklyAvailability.ALWAYS;
        }
        try {
            return new WeeklyAvailability(json.readValue(stored, LIST).stream()
                    .map(s -> WeeklyAvailability.Slot.parse(s.day(), s.from(), s.to())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored availability is not readable", e);
        }
    }

    public static String write(ObjectMapper json, WeeklyAvailability availability) {
        try {
            return json.writeValueAsString(availability.sorted().stream()
                    .map(s -> new Stored(s.daySlug(), s.from(), s.to())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
