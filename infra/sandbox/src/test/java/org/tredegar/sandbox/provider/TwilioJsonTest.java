package org.tredegar.sandbox.provider;

import org.junit.jupiter.api.Test;
import org.tredegar.sandbox.store.Text;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioJsonTest {
    @Test
    void datesAreRfc2822InUtcAsTheProviderWritesThem() {
        Text text = Text.queued("SM0123456789abcdef0123456789abcdef", "Tredegar", "+447700900123", "hi",
                Instant.parse("2015-07-30T20:12:31Z"));

        Map<String, Object> json = TwilioJson.message(text, "ACtest");

        assertThat(json.get("date_created")).isEqualTo("Thu, 30 Jul 2015 20:12:31 +0000");
        assertThat(json.get("date_sent")).isNull();
        assertThat(json.get("uri")).isEqualTo("/2010-04-01/Accounts/ACtest/Messages/SM0123456789abcdef0123456789abcdef.json");
        assertThat(json.get("num_segments")).isEqualTo("1");
    }

    @Test
    void longTextsCountTheirSegments() {
        Text gsm = Text.queued("SM1", "T", "+447700900123", "a".repeat(161), Instant.now());
        Text unicode = Text.queued("SM2", "T", "+447700900123", "ä".repeat(71), Instant.now());

        assertThat(TwilioJson.message(gsm, "AC").get("num_segments")).isEqualTo("2");
        assertThat(TwilioJson.message(unicode, "AC").get("num_segments")).isEqualTo("2");
    }
}
