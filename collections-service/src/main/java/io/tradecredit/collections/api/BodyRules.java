package io.tradecredit.collections.api;

import java.time.LocalDate;

import io.quarkus.arc.Arc;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * What the bodies of the case and hold doors need to ask the domain's rules as they are read, for the chassis's
 * {@link io.tradecredit.common.api.CheckableBody#violationsOf}: the day they are judged on.
 */
final class BodyRules {
    private BodyRules() {
    }

    /** Today in the business zone on the service's clock (a body is read outside any bean, so it is looked up). */
    static LocalDate today() {
        return Arc.container().instance(BusinessTimeZone.class).get().today();
    }
}
