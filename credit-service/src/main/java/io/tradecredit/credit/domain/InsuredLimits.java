package io.tradecredit.credit.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.tradecredit.common.money.Money;

/**
 * A buyer's insured limit on a day, from the history of the insurer's decisions, by the rule
 * insurance-claims-service applies ({@code claims.domain.InsuredLimit}; docs/insurance-claims-service.md,
 * "Effective insured limit"), worked through the same examples in {@code InsuredLimitsTest}:
 * <ol>
 * <li>only decisions effective on or before the day count;</li>
 * <li>refusals and pending investigations change nothing;</li>
 * <li>of the grants and cancellations of a policy the latest effective date decides, and of two on the
 * same date the one received later (a correction);</li>
 * <li>a grant insures its amount up to and including its expiry; after it, or after a cancellation,
 * there is no limit (an earlier grant does not come back).</li>
 * </ol>
 * A buyer insured under several of the tenant's policies has the highest of their limits (one insurer
 * covers a delivery; their limits do not add up). Decisions in another currency than the check's do not
 * insure it.
 */
public record InsuredLimits(List<InsuredLimitDecision> decisions) {
    public static final InsuredLimits NONE = new InsuredLimits(List.of());

    public InsuredLimits {
        decisions = List.copyOf(decisions);
    }

    /** Whether any decision on the buyer is known (the check then speaks of insurance). */
    public boolean known() {
        return !decisions.isEmpty();
    }

    /** The limit in force on {@code day} in {@code currency}; zero when the buyer is not insured then. */
    public Money on(LocalDate day, Currency currency) {
        Map<UUID, List<InsuredLimitDecision>> byPolicy = decisions.stream()
                .collect(Collectors.groupingBy(InsuredLimitDecision::policyId));
        Money highest = Money.zero(currency);
        for (List<InsuredLimitDecision> policy : byPolicy.values()) {
            highest = highest.max(ofPolicy(policy, day, currency));
        }
        return highest;
    }

    private static Money ofPolicy(List<InsuredLimitDecision> decisions, LocalDate day, Currency currency) {
        return decisions.stream()
                .filter(d -> d.outcome().replacesLimit() && !d.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(InsuredLimitDecision::effectiveFrom)
                        .thenComparingLong(InsuredLimitDecision::sequence))
                .filter(d -> d.outcome().grants() && (d.expiresOn() == null || !d.expiresOn().isBefore(day))
                        && d.amount().currency().equals(currency))
                .map(InsuredLimitDecision::amount).orElse(Money.zero(currency));
    }
}
