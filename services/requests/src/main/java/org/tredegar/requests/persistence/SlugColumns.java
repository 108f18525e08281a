package org.tredegar.requests.persistence;

import jakarta.persistence.Converter;
import org.tredegar.contracts.model.ContactChannel;
import org.tredegar.contracts.model.HelpCategory;
import org.tredegar.contracts.model.IntakeChannel;
import org.tredegar.contracts.model.RequestStatus;
import org.tredegar.contracts.model.Slugged;
import org.tredegar.contracts.model.Urgency;
import org.tredegar.platform.persistence.SlugColumn;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * This service's enum columns ({@link SlugColumn}: stored as their slugs, {@code in-progress}, {@code life-safety},
 * the same text the columns held when they were strings and that the events and the API carry).
 */
public final class SlugColumns {
    private SlugColumns() {
    }

    /** {@code 'fulfilled', 'cancelled', 'closed'}: slugs as an SQL list, for statements written once at start. */
    static String sqlList(Collection<? extends Slugged> values) {
        return values.stream().map(v -> "'" + v.slug() + "'").collect(Collectors.joining(", "));
    }

    @Converter
    public static final class Status extends SlugColumn<RequestStatus> {
        public Status() {
            super(RequestStatus.class);
        }
    }

    @Converter
    public static final class Category extends SlugColumn<HelpCategory> {
        public Category() {
            super(HelpCategory.class);
        }
    }

    @Converter
    public static final class UrgencyLevel extends SlugColumn<Urgency> {
        public UrgencyLevel() {
            super(Urgency.class);
        }
    }

    @Converter
    public static final class Intake extends SlugColumn<IntakeChannel> {
        public Intake() {
            super(IntakeChannel.class);
        }
    }

    @Converter
    public static final class Contact extends SlugColumn<ContactChannel> {
        public Contact() {
            super(ContactChannel.class);
        }
    }

    @Converter
    public static final class IntakeStep extends SlugColumn<SmsIntakeEntity.Step> {
        public IntakeStep() {
            super(SmsIntakeEntity.Step.class);
        }
    }
}
