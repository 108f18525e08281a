package org.tredegar.volunteers.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tredegar.volunteers.domain.Availability;
import org.tredegar.volunteers.domain.Languages;
import org.tredegar.volunteers.domain.Skill;
import org.tredegar.volunteers.domain.VolunteerRecords;
import org.tredegar.volunteers.persistence.VolunteerEntity;

final class VolunteerViews {
    private VolunteerViews() {
    }

    static VolunteerView of(VolunteerEntity v, ObjectMapper json) {
        return new VolunteerView(v.id, v.displayName, VolunteerRecords.hubsOf(v), new SignUp.Home(v.lat, v.lon, v.area), v.radiusKm,
                Skill.parseList(v.skills).stream().map(Skill::slug).toList(),
                Skill.parseList(v.verifiedSkills).stream().map(Skill::slug).toList(),
                Languages.parseList(v.languages),
                Availability.read(json, v.availability).sorted().stream()
                        .map(s -> new SignUp.Window(s.daySlug(), s.from(), s.to())).toList(),
                v.onDuty, new SignUp.Limits(v.maxTasksPerWeek, v.restHours), v.smsOnly, v.createdAt, v.updatedAt);
    }
}
