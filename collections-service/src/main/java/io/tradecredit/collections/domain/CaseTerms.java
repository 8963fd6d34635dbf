package io.tradecredit.collections.domain;

/**
 * A tenant's numbers for working cases: a promise's grace, what follows a call, when a small
 * debt is abandoned, and the worklist's weights. No row stored for a tenant: {@link #DEFAULT}.
 */
public record CaseTerms(PromiseTerms promise, CallTerms call, AbandonmentRule abandonment,
        WorklistPriority worklist) {
    public static final CaseTerms DEFAULT = new CaseTerms(PromiseTerms.DEFAULT, CallTerms.DEFAULT,
            AbandonmentRule.DEFAULT, WorklistPriority.DEFAULT);
}
