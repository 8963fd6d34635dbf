package io.tradecredit.notification.api;

import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * What the domain's rules find wrong with a request body as read, for the chassis's
 * {@link io.tradecredit.common.api.CheckableBody}: when a value of the body cannot be read (a time "9am", a channel
 * "FAX"), the one 400 names it with every field the rules refuse, not alone.
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
            return e.violations();
        }
    }
}
