package org.tredegar.contracts.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * An enum whose wire form is a kebab-case slug from CONVENTIONS. The slug, not the Java name, is the contract: a
 * constant may be renamed in Java, its slug never.
 */
public interface Slugged {

    String slug();

    /** Also the place for JAX-RS parameter converters, so query parameters use the same slugs as JSON. */
    static <E extends Enum<E> & Slugged> E fromSlug(Class<E> type, String slug) {
        for (E constant : type.getEnumConstants()) {
            if (constant.slug().equals(slug)) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Slugged::slug).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown " + type.getSimpleName() + " '" + slug + "'; allowed values: " + allowed);
    }
}
