package org.tredegar.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event record component that may be null, i.e. absent from the JSON. Every unmarked component is listed
 * in the schema's {@code required}; {@code SchemaRecordAgreementTest} holds the two together.
 *
 * <p>Our own annotation rather than {@code jakarta.annotation.Nullable}: that API is not on this plain jar's
 * classpath, and adding it just for a marker would leak into every consumer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Optional {
}
