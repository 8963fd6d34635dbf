package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.money.Money;

/**
 * The insured limit of one buyer on a day, from the history of the insurer's decisions
 * (docs/insurance-claims-service.md, "Effective insured limit"):
 * <ol>
 * <li>only decisions effective on or before the day count;</li>
 * <li>refusals and pending investigations change nothing: the limit in force stays;</li>
 * <li>of the grants and cancellations, the one with the latest effective date decides, and of two
 * with the same effective date the one recorded later (a correction);</li>
 * <li>a grant insures its amount until its expiry date (included); after it, or after a
 * cancellation, the buyer has no insured limit (an earlier grant does not come back).</li>
 * </ol>
 *
 * @param amount the insured limit, zero when the buyer is not insured on the day
 * @param basis the decision that sets it, none if no decision is in force yet
 */
public record InsuredLimit(Money amount, Optional<LimitDecision> basis) {

    /** Whether the buyer is insured on the day. */
    public boolean insured() {
        return amount.isPositive();
    }

    /** The insured limit on {@code day} by {@code decisions} (one buyer's, any order), in {@code currency}. */
    public static InsuredLimit on(LocalDate day, List<LimitDecision> decisions, Currency currency) {
        Optional<LimitDecision> deciding = decisions.stream()
                .filter(d -> d.outcome().replacesLimit() && !d.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(LimitDecision::effectiveFrom).thenComparingLong(LimitDecision::sequence));
        Money limit = deciding
                .filter(d -> d.outcome().grants() && (d.expiresOn() == null || !d.expiresOn().isBefore(day)))
                .map(LimitDecision::amount).orElse(Money.zero(currency));
        return new InsuredLimit(limit, deciding);
    }
}
