package org.tredegar.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.ItemSlug;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Slugged;
import org.tredegar.contracts.model.Urgency;

/** Slugs are stored and shared with partners: these lists are copied from CONVENTIONS and may only grow. */
class EnumSlugTest {

    static Stream<Arguments> enums() {
        return Stream.of(
                Arguments.of(HelpCategory.class, List.of("groceries", "prepared-meals", "medication-pickup",
                        "transport", "check-in-call", "companionship", "mental-health-support", "pet-care", "childcare",
                        "household-repair", "debris-cleanup", "evacuation", "shelter", "warmth", "hygiene-supplies",
                        "baby-supplies", "legal-accompaniment", "translation", "other")),
                Arguments.of(Urgency.class, List.of("life-safety", "urgent", "routine", "scheduled")),
                Arguments.of(ItemSlug.class, List.of("food-parcel", "fresh-produce", "tinned-food", "prepared-meal",
                        "baby-formula", "nappies", "hygiene-kit", "sanitary-products", "coat", "blanket", "heater",
                        "sleeping-bag", "medication-pickup-slip", "phone-top-up-voucher", "school-uniform")),
                Arguments.of(RequestStatus.class, List.of("submitted", "triaged", "matched", "in-progress", "fulfilled",
                        "cancelled", "closed", "escalated")),
                Arguments.of(ContactChannel.class, List.of("sms", "email", "phone", "none")),
                Arguments.of(IntakeChannel.class, List.of("web", "partner", "sms", "hotline")));
    }

    static Stream<Slugged> constants() {
        return enums().map(arguments -> (Class<?>) arguments.get()[0])
                .flatMap(type -> Arrays.stream(type.getEnumConstants()).map(Slugged.class::cast));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("enums")
    void slugsAreThoseOfTheConventions(Class<? extends Enum<?>> type, List<String> slugs) {
        assertThat(Arrays.stream(type.getEnumConstants()).map(c -> ((Slugged) c).slug()))
                .containsExactlyElementsOf(slugs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constants")
    void slugRoundTripsThroughJson(Slugged constant) throws JsonProcessingException {
        String json = EventJson.mapper().writeValueAsString(constant);

        assertThat(json).isEqualTo("\"" + constant.slug() + "\"");
        assertThat(EventJson.mapper().readValue(json, constant.getClass())).isSameAs(constant);
        assertThat(constant.slug()).matches("[a-z]+(-[a-z]+)*");
    }

    @Test
    void fromSlugFindsTheConstant() {
        assertThat(Urgency.fromSlug("life-safety")).isEqualTo(Urgency.LIFE_SAFETY);
        assertThat(HelpCategory.fromSlug("check-in-call")).isEqualTo(HelpCategory.CHECK_IN_CALL);
        assertThat(RequestStatus.fromSlug("in-progress")).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(ItemSlug.fromSlug("phone-top-up-voucher")).isEqualTo(ItemSlug.PHONE_TOP_UP_VOUCHER);
    }

    @Test
    void unknownSlugNamesTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> Urgency.fromSlug("LIFE_SAFETY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'LIFE_SAFETY'")
                .hasMessageContaining("life-safety, urgent, routine, scheduled");
        assertThatThrownBy(() -> HelpCategory.fromSlug(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("groceries");
    }

    @Test
    void unknownSlugInJsonIsAReadError() {
        assertThatThrownBy(() -> EventJson.read("\"hovercraft\"".getBytes(), ItemSlug.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("hovercraft");
    }
}
