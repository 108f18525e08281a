package org.tredegar.volunteers.api;

import jakarta.validation.constraints.Pattern;

/** Why a volunteer gives a task back: a short reason from a fixed list, never free text (it travels in events). */
public record ReleaseRequest(
        @Pattern(regexp = "^(cannot-make-it|unwell|too-far|not-suitable|other)$",
                message = "must be one of cannot-make-it, unwell, too-far, not-suitable, other") String reason) {
}
