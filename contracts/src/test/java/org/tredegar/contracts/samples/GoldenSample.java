package org.tredegar.contracts.samples;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.tredegar.contracts.EventJson;
import org.tredegar.contracts.EventType;
import org.tredegar.contracts.TredegarEvent;

/**
 * One golden sample: event data exactly as some producer once wrote it. Samples are never edited or deleted, so a
 * consumer that reads all of them can read everything still on a topic.
 *
 * @param type     the event type the sample belongs to
 * @param name     file name without {@code .json}, e.g. {@code full}
 * @param resource classpath resource, e.g. {@code /samples/org.tredegar.requests.RequestSubmitted.v1/v1/full.json}
 * @param json     the sample text
 */
public record GoldenSample(EventType<?> type, String name, String resource, String json) {

    /** The Kafka record value as it would arrive. */
    public byte[] bytes() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    public JsonNode tree() {
        return EventJson.tree(bytes());
    }

    /** Read with the shared mapping; a consumer with its own reader should feed it {@link #bytes()} instead. */
    public TredegarEvent event() {
        return EventJson.read(bytes(), type.dataClass());
    }

    @Override
    public String toString() {
        return type.type() + "/" + name;
    }
}
