package org.tredegar.volunteers.persistence;

import jakarta.persistence.Converter;
import org.tredegar.platform.persistence.SlugColumn;
import org.tredegar.volunteers.domain.AssignmentStatus;
import org.tredegar.volunteers.domain.CodeStatus;
import org.tredegar.volunteers.domain.OfferStatus;
import org.tredegar.volunteers.domain.RoundStatus;
import org.tredegar.volunteers.domain.SignUpStatus;

/**
 * The status enums stored as their slugs ({@code pending}, {@code open}, …), the text the status columns have always
 * held: the entities' status fields are enums, the schema does not change. Applied to every field of these types.
 */
final class StatusColumns {
    private StatusColumns() {
    }

    @Converter(autoApply = true)
    public static final class OfferStatusColumn extends SlugColumn<OfferStatus> {
        public OfferStatusColumn() {
            super(OfferStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class RoundStatusColumn extends SlugColumn<RoundStatus> {
        public RoundStatusColumn() {
            super(RoundStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class AssignmentStatusColumn extends SlugColumn<AssignmentStatus> {
        public AssignmentStatusColumn() {
            super(AssignmentStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class SignUpStatusColumn extends SlugColumn<SignUpStatus> {
        public SignUpStatusColumn() {
            super(SignUpStatus.class);
        }
    }

    @Converter(autoApply = true)
    public static final class CodeStatusColumn extends SlugColumn<CodeStatus> {
        public CodeStatusColumn() {
            super(CodeStatus.class);
        }
    }
}
