package org.tredegar.platform.persistence;

import jakarta.persistence.AttributeConverter;
import org.tredegar.contracts.model.Slugged;

/**
 * An enum stored as its slug ({@code pending}, {@code in-progress}), the text status columns have always held, so
 * entity fields can be enums without a schema change. A service declares one small subclass per enum:
 * <pre>{@code
 * @Converter(autoApply = true)
 * public static final class OfferStatusColumn extends SlugColumn<OfferStatus> {
 *     public OfferStatusColumn() { super(OfferStatus.class); }
 * }}</pre>
 */
public abstract class SlugColumn<E extends Enum<E> & Slugged> implements AttributeConverter<E, String> {
    private final Class<E> type;

    protected SlugColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.slug();
    }

    @Override
    public E convertToEntityAttribute(String stored) {
        return stored == null ? null : Slugged.fromSlug(type, stored);
    }
}
