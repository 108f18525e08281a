package org.tredegar.notifications.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a volunteer's reply to an offer is read: codes are drawn from letters and digits, so some have no digit. */
class OfferAnswerReadingTest {
    private static final List<String> SENT = List.of("LDCWKJ", "K7Q2MX");

    @Test
    void aCodeOfLettersOnlyIsACodeWhenItWasSentToThisPhone() {
        assertThat(VolunteerTexts.Answer.read("YES LDCWKJ", SENT))
                .isEqualTo(new VolunteerTexts.Answer(true, false, Optional.of("LDCWKJ")));
        assertThat(VolunteerTexts.Answer.read("ldcwkj", SENT).code()).contains("LDCWKJ");
    }

    @Test
    void aCodeWithADigitThatWasNotSentIsStillACodeSoItIsNotYesToAnotherOffer() {
        assertThat(VolunteerTexts.Answer.read("yes Z9Z9Z9", SENT))
                .isEqualTo(new VolunteerTexts.Answer(true, false, Optional.of("Z9Z9Z9")));
    }

    @Test
    void aPoliteWordAfterYesOrNoIsJustTheAnswer() {
        assertThat(VolunteerTexts.Answer.read("Yes please", SENT)).isEqualTo(new VolunteerTexts.Answer(true, false, Optional.empty()));
        assertThat(VolunteerTexts.Answer.read("no sorry", SENT)).isEqualTo(new VolunteerTexts.Answer(false, true, Optional.empty()));
    }

    @Test
    void aSentenceIsNotAnAnswer() {
        VolunteerTexts.Answer sentence = VolunteerTexts.Answer.read("yes but only after six", SENT);
        assertThat(sentence.yes() || sentence.no()).isFalse();
        assertThat(sentence.code()).isEmpty();
        assertThat(VolunteerTexts.Answer.read("On my way", SENT).yes()).isFalse();
    }
}
