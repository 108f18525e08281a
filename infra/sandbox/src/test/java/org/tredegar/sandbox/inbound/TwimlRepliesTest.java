package org.tredegar.sandbox.inbound;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwimlRepliesTest {
    @Test
    void readsEachMessageOfTheResponse() {
        var replies = TwimlReplies.parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>One &amp; two</Message>"
                + "<Message to=\"+447700900999\"><Body>Three</Body></Message></Response>");

        assertThat(replies).isPresent();
        assertThat(replies.get()).extracting(TwimlReplies.Reply::body).containsExactly("One & two", "Three");
        assertThat(replies.get().get(1).to()).isEqualTo("+447700900999");
        assertThat(replies.get().get(0).to()).isNull();
    }

    @Test
    void anEmptyResponseOrAnEmptyAnswerSendsNothing() {
        assertThat(TwimlReplies.parse("<Response/>")).hasValueSatisfying(r -> assertThat(r).isEmpty());
        assertThat(TwimlReplies.parse("")).hasValueSatisfying(r -> assertThat(r).isEmpty());
    }

    @Test
    void somethingThatIsNotTwimlIsSaidToBeSo() {
        assertThat(TwimlReplies.parse("OK")).isEmpty();
        assertThat(TwimlReplies.parse("<html><body>hi</body></html>")).isEmpty();
    }

    @Test
    void refusesDoctypesSoNoExternalEntityIsEverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Response><Message>&x;</Message></Response>";

        assertThat(TwimlReplies.parse(xxe)).isEmpty();
    }
}
