package io.tradecredit.claims.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BinaryOperator;

import io.tradecredit.common.insurance.InsuredLimitSchedule;
import io.tradecredit.common.insurance.InsuredLimitSchedule.Period;
import io.tradecredit.common.money.Money;

/**
 * The rule of a buyer's <b>effective insured-limit schedule</b> across the tenant's policies
 * (docs/insurance-claims-service.md, "Effective insured limit"): the periods over which the limit in
 * force is constant ({@link InsuredLimitSchedule}, the chassis' reading of the published schedule), so that
 * other services read the limit on any day instead of re-deriving it.
 * <ol>
 * <li>under one policy the limit on a day is {@link InsuredLimit#on};</li>
 * <li>a buyer insured under several policies in one currency has the <b>highest</b> of their limits on
 * the day (one insurer covers a delivery; limits do not add up); of two equal limits the policy with
 * the smaller id names the period, so the schedule does not depend on the order policies are read;</li>
 * <li>policies in different currencies do not compare: each currency has its own periods;</li>
 * <li>days without an insured limit have no period; the last period is open-ended ({@code until}
 * null) unless its grant expires or is cancelled.</li>
 * </ol>
 * The limit can only change on a decision's effective date or the day after a grant's expiry, so the
 * rule is applied on those days alone.
 */
public final class LimitSchedule {

    /** One policy's decisions on the buyer (any order); {@code currency} is the policy's. */
    public record PolicyDecisions(UUID policyId, Currency currency, List<LimitDecision> decisions) {
    }

    private LimitSchedule() {
    }

    /** The schedule the decisions of the buyer's {@code policies} give. */
    public static InsuredLimitSchedule of(List<PolicyDecisions> policies) {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (PolicyDecisions p : policies) {
            for (LimitDecision d : p.decisions()) {
                changes.add(d.effectiveFrom());
                if (d.expiresOn() != null) {
                    changes.add(d.expiresOn().plusDays(1));
                }
            }
        }
        // in the policies' order (not the currencies' hash): the listing's order is the sort's alone
        Map<Currency, Period> open = new LinkedHashMap<>();
        List<Period> closed = new ArrayList<>();
        for (LocalDate day : changes) {
            for (Map.Entry<Currency, Period> e : highestOn(day, policies).entrySet()) {
                Period running = open.get(e.getKey());
                Period now = e.getValue();
                if (running != null && sameLimit(running, now)) {
                    continue;
                }
                if (running != null) {
                    closed.add(new Period(running.from(), day.minusDays(1), running.amount(), running.policyId()));
                }
                if (now.amount().isPositive()) {
                    open.put(e.getKey(), now);
                } else {
                    open.remove(e.getKey());
                }
            }
        }
        closed.addAll(open.values());
        closed.sort(Comparator.comparing(Period::from).thenComparing(p -> p.amount().currencyCode()));
        return new InsuredLimitSchedule(closed);
    }

    /**
     * Per currency of the policies, the highest limit in force on {@code day} as an open-ended period
     * from it (a zero amount when no policy in that currency insures the day).
     */
    private static Map<Currency, Period> highestOn(LocalDate day, List<PolicyDecisions> policies) {
        Map<Currency, Period> highest = new LinkedHashMap<>();
        for (PolicyDecisions p : policies) {
            Money limit = InsuredLimit.on(day, p.decisions(), p.currency()).amount();
            Period candidate = new Period(day, null, limit, p.policyId());
            highest.merge(limit.currency(), candidate, LimitSchedule::higher);
        }
        return highest;
    }

    /** The higher limit first, of two equal ones the smaller policy id (so either order names the same policy). */
    private static final Comparator<Period> HIGHER_FIRST = Comparator.comparing(Period::amount, Comparator.reverseOrder())
            .thenComparing(Period::policyId);

    private static Period higher(Period a, Period b) {
        return BinaryOperator.minBy(HIGHER_FIRST).apply(a, b);
    }

    private static boolean sameLimit(Period a, Period b) {
        return a.amount().equals(b.amount()) && Objects.equals(a.policyId(), b.policyId());
    }
}
