package org.tredegar.sandbox.provider;

import org.tredegar.sandbox.store.Text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The provider's JSON, field for field (snake_case, RFC 2822 dates, counts as strings), built as ordered maps so
 * the shape reads here exactly as it goes on the wire.
 */
public final class TwilioJson {
    public static final String API_VERSION = "2010-04-01";
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private TwilioJson() {
    }

    public static Map<String, Object> message(Text text, String accountSid) {
        String uri = messagesPath(accountSid) + "/" + text.id() + ".json";
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", API_VERSION);
        json.put("body", text.body());
        json.put("date_created", date(text.createdAt()));
        json.put("date_sent", date(text.sentAt()));
        json.put("date_updated", date(text.updatedAt()));
        json.put("direction", text.direction().providerName());
        json.put("error_code", text.errorCode());
        json.put("error_message", text.errorCode() == null ? null : "Unreachable destination handset");
        json.put("from", text.from());
        json.put("messaging_service_sid", null);
        json.put("num_media", "0");
        json.put("num_segments", String.valueOf(segments(text.body())));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", text.id());
        json.put("status", text.status());
        json.put("subresource_uris", Map.of("media", uri.replace(".json", "/Media.json")));
        json.put("to", text.to());
        json.put("uri", uri);
        return json;
    }

    /** A page of the message list. One page holds everything asked for: next_page_uri says when there is more. */
    public static Map<String, Object> page(List<Text> texts, String accountSid, int page, int pageSize, boolean more,
                                           String query) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messages", texts.stream().map(t -> message(t, accountSid)).toList());
        json.put("page", page);
        json.put("page_size", pageSize);
        json.put("start", page * pageSize);
        json.put("end", page * pageSize + Math.max(texts.size() - 1, 0));
        String base = messagesPath(accountSid) + ".json?" + query + (query.isEmpty() ? "" : "&") + "PageSize=" + pageSize;
        json.put("uri", base + "&Page=" + page);
        json.put("first_page_uri", base + "&Page=0");
        json.put("next_page_uri", more ? base + "&Page=" + (page + 1) : null);
        json.put("previous_page_uri", page > 0 ? base + "&Page=" + (page - 1) : null);
        return json;
    }

    /** The provider's error body: {code, message, more_info, status}. */
    public static Map<String, Object> error(int code, String message, int status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return json;
    }

    static String messagesPath(String accountSid) {
        return "/" + API_VERSION + "/Accounts/" + accountSid + "/Messages";
    }

    private static String date(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }

    /** GSM-7 texts split at 153 characters a part (160 alone), others at 67 (70 alone); an estimate is enough. */
    private static int segments(String body) {
        boolean ascii = body.chars().allMatch(c -> c < 128);
        int single = ascii ? 160 : 70;
        int part = ascii ? 153 : 67;
        int length = body.codePointCount(0, body.length());
        return length <= single ? 1 : (length + part - 1) / part;
    }
}
