package org.tredegar.volunteers.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a requester may be told of the volunteer coming: a first name, never a number or an address. */
class FirstNameTest {
    @Test
    void theFirstWordOfTheDisplayName() {
        assertThat(VolunteerRecords.firstName("Sam Jones")).isEqualTo("Sam");
        assertThat(VolunteerRecords.firstName("  Sam  ")).isEqualTo("Sam");
        assertThat(VolunteerRecords.firstName("\u00a0Siân ap Huw")).isEqualTo("Siân");
        assertThat(VolunteerRecords.firstName("Mary-Jane O'Neil")).isEqualTo("Mary-Jane");
        assertThat(VolunteerRecords.firstName("Zoë\tSmith")).isEqualTo("Zoë");
        assertThat(VolunteerRecords.firstName("محمد علي")).isEqualTo("محمد");
    }

    @Test
    void noneWhenThereIsNoName() {
        assertThat(VolunteerRecords.firstName(null)).isNull();
        assertThat(VolunteerRecords.firstName("")).isNull();
        assertThat(VolunteerRecords.firstName("   ")).isNull();
        assertThat(VolunteerRecords.firstName("- -")).isNull();
    }

    @Test
    void neverANumberOrAnAddressTypedAsAName() {
        assertThat(VolunteerRecords.firstName("07700 900123")).isNull();
        assertThat(VolunteerRecords.firstName("+44 7700 900123")).isNull();
        assertThat(VolunteerRecords.firstName("sam@example.org")).isNull();
        assertThat(VolunteerRecords.firstName("Sam2 Jones")).isNull();
        assertThat(VolunteerRecords.firstName("٠٧٧٠٠ Sam")).isNull(); // Arabic-Indic digits are digits too
    }
}
