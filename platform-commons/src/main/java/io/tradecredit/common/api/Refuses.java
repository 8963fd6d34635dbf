package io.tradecredit.common.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal of the use case behind a resource method, for the API description: the status its
 * {@code DomainError} answers with (409 conflict, 422 unprocessable, 404 for an id in the body) and
 * when. {@link OperationsInApiDescription} documents it as a problem answer, beside the ones every
 * operation has. (An {@code @APIResponse} would do, but the scanner then leaves out the success
 * answer it otherwise derives from the method.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Refuses.All.class)
public @interface Refuses {
    int status();

    /** When, in the domain's words, with the rule's code first where there is one. */
    String when();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface All {
        Refuses[] value();
    }
}
