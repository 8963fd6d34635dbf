package io.tradecredit.collections.api;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.arc.Arc;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * What the domain's rules find wrong with a request body as read, for the chassis's
 * {@link io.tradecredit.common.api.CheckableBody}: when a value of the body cannot be read (a reason "FOO", a date
 * "next friday"), the one 400 names it with every field the rules refuse, not alone.
 */
final class BodyRules {
    private BodyRules() {
    }

    /** The violations {@code check} refuses the body with; none when it accepts it. */
    static List<Violation> of(Runnable check) {
        try {
            check.run();
            return List.of();
        } catch (DomainError e) {
            if (e.kind() != DomainError.Kind.INVALID) {
                throw e;
            }
            return e.violations();
        }
    }

    /** Today in the business zone on the service's clock (a body is read outside any bean, so it is looked up). */
    static LocalDate today() {
        return Arc.container().instance(BusinessTimeZone.class).get().today();
    }
}
