package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;

/**
 * A tenant's numbers for what follows a call: how long the short hold after a payment-system
 * failure lasts, and after how many days the case is looked at again. Calendar days.
 */
public record CallTerms(int shortHoldDays, int followUpDays) {
    /** Chosen here (docs/domain.md §3 gives no figure): a week's hold, a look again after 3 days. */
    public static final CallTerms DEFAULT = new CallTerms(7, 3);

    public CallTerms {
        List<Violation> wrong = new ArrayList<>();
        if (shortHoldDays < 1) {
            wrong.add(new Violation("shortHoldDays", "must be at least 1, was " + shortHoldDays));
        }
        if (followUpDays < 1) {
            wrong.add(new Violation("followUpDays", "must be at least 1, was " + followUpDays));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("call-terms.invalid", "The call terms are inconsistent", wrong);
        }
    }
}
