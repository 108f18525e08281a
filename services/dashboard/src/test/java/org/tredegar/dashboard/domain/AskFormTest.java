package org.tredegar.dashboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AskFormTest {
    @Test
    void anEmptyFormNamesEachMissingAnswerInTheFormsOrder() {
        assertThat(AskForm.empty(SiteLanguage.EN).problems().keySet())
                .containsExactly("category", "description", "urgency", "where");
    }

    @Test
    void aFullFormWithoutAnyContactIsFine() {
        AskForm form = new AskForm("groceries", "urgent", "Milk and bread", "NP22 3AA", null, null, "none", null,
                null, "cy", null, null, null);
        assertThat(form.problems()).isEmpty();
        assertThat(form.contactValue()).isNull();
    }

    @Test
    void theWayOfContactChosenNeedsItsAddress() {
        AskForm text = new AskForm("groceries", "urgent", "Milk", "NP22", null, null, "sms", "call me", null, "en", null, null, null);
        assertThat(text.problems()).containsEntry("phone", "error_phone");
        AskForm mail = new AskForm("groceries", "urgent", "Milk", "NP22", null, null, "email", null, "nobody", "en", null, null, null);
        assertThat(mail.problems()).containsEntry("email", "error_email");
    }

    @Test
    void aPointFromTheBrowserStandsInForAPlaceAndATimeNeedsBothEnds() {
        AskForm located = new AskForm("transport", "scheduled", "A lift", "", "51.77", "-3.24", null, null, null, "en",
                null, "2026-12-08T14:00", "2026-12-08T13:00");
        assertThat(located.problems()).containsOnlyKeys("windowFrom");
        AskForm scheduledWithoutTime = new AskForm("transport", "scheduled", "A lift", "NP22", null, null, null, null,
                null, "en", null, null, null);
        assertThat(scheduledWithoutTime.problems()).containsEntry("windowFrom", "error_window_needed");
    }
}
