package org.tredegar.notifications.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers go to the provider in E.164, however the person wrote them (the provider refuses anything else). */
class SmsNumberFormatTest {
    @Test
    void spacesDashesAndBracketsAreDroppedAndTheNumberIsKept() {
        assertThat(TwilioSmsChannel.e164("+44 7700 900101")).isEqualTo("+447700900101");
        assertThat(TwilioSmsChannel.e164("+44 (7700) 900-101")).isEqualTo("+447700900101");
        assertThat(TwilioSmsChannel.e164("+447700900101")).isEqualTo("+447700900101");
    }
}
