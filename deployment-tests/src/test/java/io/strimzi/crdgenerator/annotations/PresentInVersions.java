package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API versions a property of Strimzi's model exists in (e.g. {@code "v1alpha1-v1beta2"}).
 * Strimzi's model classes ({@code io.strimzi:api}) carry this annotation at run time, but its
 * class lives in {@code io.strimzi:crd-generator}, which {@code io.strimzi:api} only needs at
 * build time and which the Maven copy here does not serve. Declared again, with Strimzi's name
 * and member, so reflection reads the annotations of the model (see {@code StrimziModel}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    String value();
}
