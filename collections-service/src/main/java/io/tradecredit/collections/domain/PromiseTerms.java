package io.tradecredit.collections.domain;

import io.tradecredit.common.domain.DomainError;

/**
 * A tenant's terms for promises to pay (docs/domain.md §3 "Holds"): the grace in calendar days
 * after the promised date during which a payment still keeps the promise.
 */
public record PromiseTerms(int graceDays) {
    /** §3's default: 3 days of grace. */
    public static final PromiseTerms DEFAULT = new PromiseTerms(3);

    public PromiseTerms {
        if (graceDays < 0) {
            throw DomainError.invalidField("promise-terms.invalid", "graceDays", "must be 0 or more, was " + graceDays);
        }
    }
}
