package org.tredegar.sandbox.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MimeTextTest {
    @Test
    void htmlBecomesReadableText() {
        String html = "<html><head><style>p{color:red}</style></head><body><h1>Hello</h1><p>Your code is <b>1234</b>"
                + "</p><p>Fish &amp; chips</p></body></html>";

        assertThat(MimeText.fromHtml(html)).isEqualTo("Hello\nYour code is 1234\nFish & chips");
    }
}
