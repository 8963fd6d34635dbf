package io.tradecredit.common.api;

import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A request body whose rules can be asked for every gap even when some fields could not be read
 * (they are then null). {@link WholeBodyReading} merges those findings with the unreadable
 * fields so that one answer names every problem.
 */
public interface CheckableBody {
    /** What the domain's rules find wrong with the body as read; field names are JSON paths. */
    List<Violation> violations();

    /**
     * The violations {@code check} (a domain rule run on the body as read) refuses the body with; none when it
     * accepts it. Any other refusal than invalid input (not found, a conflict) is the rule's own and goes on.
     */
    static List<Violation> violationsOf(Runnable check) {
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
}
