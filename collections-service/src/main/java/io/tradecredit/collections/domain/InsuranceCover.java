package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import io.tradecredit.common.money.Money;

/**
 * Whether the tenant's credit insurance covers a buyer on a day, for the segment rules' "insured"
 * (docs/domain.md §3 "Policies"), from the insurer's limit decisions insurance-claims-service
 * publishes ({@code insured-limit-changed}). Per policy, as insurance-claims-service judges the
 * effective limit (docs/insurance-claims-service.md, "Effective insured limit"):
 * <ol>
 * <li>only decisions effective on or before the day count;</li>
 * <li>a refusal or a pending investigation changes nothing;</li>
 * <li>of the grants and cancellations the latest effective one decides, of two effective the same
 * day the one recorded later;</li>
 * <li>a grant covers from its effective date up to and including its expiry date; after it, or
 * after a cancellation, the buyer is not insured under that policy (an earlier grant does not come
 * back).</li>
 * </ol>
 * The buyer is insured while any of the tenant's policies insures a limit above zero.
 */
public record InsuranceCover(List<Decision> decisions) {
    public static final InsuranceCover NONE = new InsuranceCover(List.of());
    /** Of two decisions the later effective one, of the same day the one recorded later. */
    private static final BinaryOperator<Decision> LATER = BinaryOperator.maxBy(
            Comparator.comparing(Decision::effectiveFrom).thenComparingLong(Decision::sequence));

    /** What the insurer decided (the event's {@code outcome}). */
    public enum Outcome {
        APPROVED, PARTLY_APPROVED, REFUSED, PENDING_INVESTIGATION, CANCELLED;

        boolean grants() {
            return this == APPROVED || this == PARTLY_APPROVED;
        }

        boolean replacesLimit() {
            return grants() || this == CANCELLED;
        }
    }

    /**
     * One decision under one policy; {@code sequence} orders the buyer's decisions as they were
     * recorded; {@code amount} is null for decisions that insure no amount.
     */
    public record Decision(UUID policyId, Outcome outcome, Money amount, LocalDate effectiveFrom, LocalDate expiresOn,
            long sequence) {
    }

    public InsuranceCover {
        decisions = List.copyOf(decisions);
    }

    /** Whether any policy insures the buyer for more than zero on {@code day}. */
    public boolean insuredOn(LocalDate day) {
        Map<UUID, Decision> deciding = new HashMap<>();
        for (Decision d : decisions) {
            if (d.outcome().replacesLimit() && !d.effectiveFrom().isAfter(day)) {
                deciding.merge(d.policyId(), d, LATER);
            }
        }
        for (Decision d : deciding.values()) {
            if (d.outcome().grants() && d.amount() != null && d.amount().isPositive()
                    && (d.expiresOn() == null || !d.expiresOn().isBefore(day))) {
                return true;
            }
        }
        return false;
    }

}
