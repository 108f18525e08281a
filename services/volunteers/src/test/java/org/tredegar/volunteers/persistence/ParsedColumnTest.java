package org.tredegar.volunteers.persistence;

import org.junit.jupiter.api.Test;
import org.tredegar.volunteers.domain.Languages;
import org.tredegar.volunteers.domain.Skill;
import org.tredegar.volunteers.domain.VolunteerSnapshot;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParsedColumnTest {
    @Test
    void eachDistinctTextIsParsedOnceAndRowsShareTheValue() {
        AtomicInteger parses = new AtomicInteger();
        ParsedColumn<List<String>> languages = new ParsedColumn<>(text -> {
            parses.incrementAndGet();
            return List.copyOf(Languages.parseList(text));
        });
        List<String> first = languages.of("cy,en");
        assertSame(first, languages.of("cy,en"));
        assertEquals(List.of("en"), languages.of("en"));
        assertEquals(List.of(), languages.of(null));
        assertEquals(3, parses.get(), "cy,en once, en once, null each time (not cached)");
        assertThrows(UnsupportedOperationException.class, () -> first.add("fr"), "shared values are immutable");
    }

    @Test
    void rowsMapTheSameWithTheCacheAsWithoutIt() {
        Object[] row = {java.util.UUID.randomUUID(), "tredegar,ebbw-vale", 51.77, -3.25, 5.0, "driving,cooking", "",
                "cy,en", "[{\"day\":\"monday\",\"from\":\"09:00\",\"to\":\"17:00\"}]", "Europe/London", 3, 12, 1, null};
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        VolunteerSnapshot a = CandidateQuery.snapshot(row, json);
        VolunteerSnapshot b = CandidateQuery.snapshot(row.clone(), json);
        assertEquals(a, b);
        assertSame(a.availability(), b.availability());
        assertEquals(java.util.Set.of(Skill.DRIVING, Skill.COOKING), a.skills());
        assertEquals(List.of("cy", "en"), a.languages());
        assertEquals(2, a.hubIds().size());
    }
}
