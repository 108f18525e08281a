package org.tredegar.requests.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tredegar.contracts.model.GeoPoint;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.platform.privacy.ContactCipher;
import org.tredegar.requests.persistence.SmsIntakeEntity;
import org.tredegar.requests.persistence.SmsIntakeEntity.Step;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How texts are read, without the service: keywords, numbers, yes/no, places, and the two questions' steps. */
class SmsReadingTest {
    static final Hub TREDEGAR = new Hub(UUID.randomUUID(), "tredegar", "Tredegar Mutual Aid", new GeoPoint(51.7727, -3.2467),
            "Europe/London", "+447700900100", List.of(new Hub.Area("Tredegar", List.of("NP22"),
            List.of(List.of(51.75, -3.27), List.of(51.75, -3.22), List.of(51.79, -3.22), List.of(51.79, -3.27)),
            List.of(new Hub.Landmark("Bedwellty Park", 51.7694, -3.2461), new Hub.Landmark("Castle Street", 51.7739, -3.2478),
                    new Hub.Landmark("The Circle", 51.7729, -3.2470)))));
    static final ContactCipher.Sealed NUMBER = new ContactCipher.Sealed("k", new byte[12], new byte[16]);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "need shopping, can't get out             | groceries",
            "Could someone pick up my PRESCRIPTION?   | medication-pickup",
            "I need a lift to the surgery on Tuesday  | transport",
            "Necesito comida para mis hijos           | groceries",
            "J'ai besoin de médicaments               | medication-pickup",
            "Dw i angen bwyd                          | groceries",
            "أحتاج إلى الطعام                          | groceries",
            "أحتاج دواء من الصيدلية                   | medication-pickup",
            "a hot meal and some shopping please      | prepared-meals",
            "our heating is broken and I need a blanket | warmth",
            "nappies for the baby                     | baby-supplies"})
    void keywordsSayWhatIsNeededInEachLanguage(String text, String category) {
        assertThat(SmsWords.category(text)).contains(HelpCategory.fromSlug(category));
    }

    @Test
    void textsWithoutAKnownWordNameNothing() {
        assertThat(SmsWords.category("please call me, I can't lift heavy things")).isEmpty();
        assertThat(SmsWords.category("🙏🙏")).isEmpty();
        assertThat(SmsWords.category("")).isEmpty();
    }

    @Test
    void numbersPickFromTheChoicesInAnyScript() {
        assertThat(SmsWords.CHOICES).hasSizeLessThanOrEqualTo(9).last().isEqualTo(HelpCategory.OTHER);
        assertThat(SmsWords.choice("1")).contains(HelpCategory.GROCERIES);
        assertThat(SmsWords.choice(" 3. ")).contains(HelpCategory.MEDICATION_PICKUP);
        assertThat(SmsWords.choice("number 4")).contains(HelpCategory.TRANSPORT);
        assertThat(SmsWords.choice("٢")).contains(HelpCategory.PREPARED_MEALS);
        assertThat(SmsWords.choice(String.valueOf(SmsWords.CHOICES.size()))).contains(HelpCategory.OTHER);
        assertThat(SmsWords.choice("0")).isEmpty();
        assertThat(SmsWords.choice("9")).isEmpty();
        assertThat(SmsWords.choice("2 kids")).isEmpty();
    }

    @Test
    void yesAndNoInEachLanguage() {
        for (String yes : List.of("YES", "yes!", "Sí", "oui", "Ie", "نعم")) {
            assertThat(SmsWords.yes(yes)).as(yes).isTrue();
        }
        for (String no : List.of("no", "All good, thanks!", "thank you", "gracias", "merci", "diolch", "شكرا", "لا", "👍", "🙏🏽")) {
            assertThat(SmsWords.no(no)).as(no).isTrue();
        }
        assertThat(SmsWords.yes("yes I need food")).isFalse();
        assertThat(SmsWords.no("no food at home")).isFalse();
    }

    @Test
    void languagePrefixIsTakenOff() {
        assertThat(SmsWords.prefixed("es: Necesito comida")).isEqualTo(new SmsWords.Prefixed("es", "Necesito comida"));
        assertThat(SmsWords.prefixed("I need food: soon")).isEqualTo(new SmsWords.Prefixed(null, "I need food: soon"));
    }

    @Test
    void placesTheHubKnows() {
        assertThat(SmsPlaces.in(TREDEGAR, "I'm on castle st, no 4")).contains(new RequestForHelp.Place(51.7739, -3.2478, "Castle Street"));
        assertThat(SmsPlaces.in(TREDEGAR, "near the circle")).map(RequestForHelp.Place::area).contains("The Circle");
        assertThat(SmsPlaces.in(TREDEGAR, "np223ab")).contains(new RequestForHelp.Place(null, null, "NP22 3AB"));
        assertThat(SmsPlaces.in(TREDEGAR, "NP22")).contains(new RequestForHelp.Place(null, null, "NP22"));
        assertThat(SmsPlaces.in(TREDEGAR, "Bedwellty Park NP22 3AB")).map(RequestForHelp.Place::area).contains("Bedwellty Park, NP22 3AB");
        assertThat(SmsPlaces.in(TREDEGAR, "NP23 6AA")).as("another hub's district").isEmpty();
        assertThat(SmsPlaces.in(TREDEGAR, "behind the chapel")).isEmpty();
    }

    @Test
    void aFirstTextWithWhatAndWhereIsSubmittedAtOnce() {
        SmsIntakeEntity e = started("need shopping, I live on Castle Street");
        assertThat(e.step).isEqualTo(Step.SUBMITTING);
        assertThat(e.category).isEqualTo(HelpCategory.GROCERIES);
        assertThat(e.area).isEqualTo("Castle Street");
        assertThat(e.requestId).isNotNull();
        assertThat(e.trackingCode).matches("[A-Z2-9]{4}-[A-Z2-9]{4}");
    }

    @Test
    void twoUnclearAnswersTakeOtherAndMoveOn() {
        SmsIntakeEntity e = started("hello, can you help?");
        assertThat(e.step).isEqualTo(Step.ASKED_WHAT);
        SmsIntakeSteps.answer(e, TREDEGAR, "my mum is on her own", "h2", Instant.now());
        assertThat(e.step).isEqualTo(Step.ASKED_WHAT);
        SmsIntakeSteps.answer(e, TREDEGAR, "hello, can you help?", "h1", Instant.now());
        assertThat(e.step).as("the first text again is not an answer").isEqualTo(Step.ASKED_WHAT);
        assertThat(e.unclear).isEqualTo(1);
        SmsIntakeSteps.answer(e, TREDEGAR, "😕", "h3", Instant.now());
        assertThat(e.step).isEqualTo(Step.ASKED_WHERE);
        assertThat(e.category).isEqualTo(HelpCategory.OTHER);
        SmsIntakeSteps.answer(e, TREDEGAR, "behind the old chapel", "h4", Instant.now());
        assertThat(e.step).isEqualTo(Step.SUBMITTING);
        assertThat(e.area).isNull();
        assertThat(e.description).isEqualTo("hello, can you help?\nmy mum is on her own\nWhere: behind the old chapel");
    }

    @Test
    void anAnswerOfOnlyEmojiToWhereIsAskedOnceMore() {
        SmsIntakeEntity e = started("food please");
        assertThat(e.step).isEqualTo(Step.ASKED_WHERE);
        SmsIntakeSteps.answer(e, TREDEGAR, "   ", "h2", Instant.now());
        assertThat(e.step).isEqualTo(Step.ASKED_WHERE);
        SmsIntakeSteps.answer(e, TREDEGAR, "🙂", "h3", Instant.now());
        assertThat(e.step).isEqualTo(Step.SUBMITTING);
    }

    static SmsIntakeEntity started(String text) {
        SmsIntakeEntity e = new SmsIntakeEntity();
        SmsIntakeSteps.start(e, TREDEGAR, "hash", text, "h1", "en", NUMBER, Instant.now());
        return e;
    }
}
