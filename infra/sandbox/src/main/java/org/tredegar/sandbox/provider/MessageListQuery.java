package org.tredegar.sandbox.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import org.tredegar.sandbox.numbers.PhoneNumbers;
import org.tredegar.sandbox.store.Text;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The message list's filters, named as the provider names them: To, From, DateSent (that day), DateSent&gt; (on or
 * after), DateSent&lt; (on or before), PageSize (default 50, at most 1000) and Page. A text still queued has no
 * send date yet; it is filtered by the day it was accepted, so a message in doubt is always found.
 */
@ApplicationScoped
public class MessageListQuery {
    static final int INVALID_PARAMETER = 20001;

    public Filter parse(MultivaluedMap<String, String> params) {
        Map<String, String> understood = new LinkedHashMap<>();
        String to = PhoneNumbers.fromQuery(remember(params, "To", understood));
        String from = PhoneNumbers.fromQuery(remember(params, "From", understood));
        LocalDate on = date(remember(params, "DateSent", understood), "DateSent");
        LocalDate onOrAfter = date(remember(params, "DateSent>", understood), "DateSent>");
        LocalDate onOrBefore = date(remember(params, "DateSent<", understood), "DateSent<");
        int pageSize = number(params.getFirst("PageSize"), 50, "PageSize");
        int page = number(params.getFirst("Page"), 0, "Page");
        if (pageSize < 1 || pageSize > 1000) {
            throw ProviderError.badRequest(INVALID_PARAMETER, "PageSize must be between 1 and 1000");
        }
        String query = understood.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Filter(to, from, on, onOrAfter, onOrBefore, pageSize, page, query);
    }

    private static String remember(MultivaluedMap<String, String> params, String name, Map<String, String> understood) {
        String value = params.getFirst(name);
        if (value != null && !value.isBlank()) {
            understood.put(name, value);
        }
        return value;
    }

    private static LocalDate date(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // The provider takes YYYY-MM-DD; a full timestamp is cut to its day, as the provider does.
            return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            throw ProviderError.badRequest(INVALID_PARAMETER, name + " must be a date, YYYY-MM-DD: " + value);
        }
    }

    private static int number(String value, int fallback, String name) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw ProviderError.badRequest(INVALID_PARAMETER, name + " must be a whole number: " + value);
        }
    }

    public record Filter(String to, String from, LocalDate on, LocalDate onOrAfter, LocalDate onOrBefore,
                         int pageSize, int page, String query) {
        public boolean matches(Text text) {
            LocalDate day = (text.sentAt() != null ? text.sentAt() : text.createdAt()).atZone(ZoneOffset.UTC).toLocalDate();
            return (to == null || to.equals(text.to()))
                    && (from == null || from.equals(text.from()))
                    && (on == null || on.equals(day))
                    && (onOrAfter == null || !day.isBefore(onOrAfter))
                    && (onOrBefore == null || !day.isAfter(onOrBefore));
        }
    }
}
