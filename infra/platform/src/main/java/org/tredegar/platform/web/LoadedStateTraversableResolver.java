package org.tredegar.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import org.hibernate.Hibernate;
import org.hibernate.proxy.HibernateProxy;

import java.lang.annotation.ElementType;

/**
 * Lets Bean Validation read every property of a request body without asking JPA first.
 * <p>
 * With Hibernate ORM present, Quarkus's default resolver asks JPA whether each property is loaded, for every
 * validated object, entity or not. Our validated objects are request records, which JPA never loads lazily; on the
 * intake path those JPA lookups were about a quarter of the validation cost (docs/benchmarks.md, sixth round). Quarkus
 * uses a {@link TraversableResolver} bean when one exists. Entities and their proxies still get the JPA answer, so a
 * constraint on an entity never loads a lazy association.
 */
@ApplicationScoped
public class LoadedStateTraversableResolver implements TraversableResolver {
    private static final ClassValue<Boolean> PERSISTENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.isAnnotationPresent(Entity.class) || type.isAnnotationPresent(Embeddable.class);
        }
    };

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        if (traversableObject == null) {
            return true;
        }
        if (traversableObject instanceof HibernateProxy || PERSISTENT.get(traversableObject.getClass())) {
            return Hibernate.isPropertyInitialized(traversableObject, traversableProperty.getName());
        }
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
