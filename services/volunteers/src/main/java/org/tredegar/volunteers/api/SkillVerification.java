package org.tredegar.volunteers.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tredegar.volunteers.domain.Skill;

import java.util.List;

/** The skills a coordinator vouches for (replacing the previous list; empty withdraws every verification). */
public record SkillVerification(@NotNull @Size(max = 20) List<@NotNull Skill> verifiedSkills) {
}
