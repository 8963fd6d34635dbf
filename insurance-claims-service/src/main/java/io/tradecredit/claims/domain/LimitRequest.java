package io.tradecredit.claims.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * The tenant's request to the insurer about one buyer's insured limit: a new limit, an increase,
 * a reduction (each for an amount in the policy's currency) or a cancellation (no amount). The
 * insurer's answer comes later as a {@link LimitDecision}.
 */
public record LimitRequest(UUID id, UUID policyId, UUID buyerId, Kind kind, Money amount, String note,
        OffsetDateTime requestedAt, String requestedBy) {

    /** What the tenant asks for. */
    public enum Kind {
        NEW, INCREASE, REDUCE, CANCEL
    }

    /** A request as the tenant gives it, in a policy in {@code currency}: valid, or refused naming every wrong field. */
    public static LimitRequest of(UUID policyId, String currency, UUID buyerId, Kind kind, Money amount, String note,
            OffsetDateTime at, String by) {
        List<Violation> wrong = new ArrayList<>();
        if (buyerId == null) {
            wrong.add(new Violation("buyerId", "is required"));
        }
        if (kind == null) {
            wrong.add(new Violation("kind", "is required: NEW, INCREASE, REDUCE or CANCEL"));
        } else if (kind == Kind.CANCEL) {
            if (amount != null) {
                wrong.add(new Violation("amount", "a cancellation asks for no amount"));
            }
        } else if (amount == null || !amount.isPositive()) {
            wrong.add(new Violation("amount", "is required and must be above 0 for " + kind));
        } else if (!amount.currencyCode().equals(currency)) {
            wrong.add(new Violation("amount.currency", "must be the policy's currency " + currency));
        }
        if (note != null && note.length() > 2000) {
            wrong.add(new Violation("note", "at most 2000 characters"));
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("limit-request.invalid", "The limit request is incomplete or inconsistent", wrong);
        }
        return new LimitRequest(UUID.randomUUID(), policyId, buyerId, kind, amount, note, at, by);
    }

    /**
     * This request, asked while {@code inForce} is the buyer's insured limit today: an increase asks for more than it, a
     * reduction for less, and neither is asked while nothing is insured (a NEW limit is); else 400
     * {@code limit-request.invalid} naming {@code amount} or {@code kind}, nothing recorded. Under a limit of 80,000 an
     * INCREASE to 60,000 or a REDUCE to 120,000 was recorded and shown to the insurer as asked.
     */
    public LimitRequest against(InsuredLimit inForce) {
        if (kind != Kind.INCREASE && kind != Kind.REDUCE) {
            return this;
        }
        String what = kind == Kind.INCREASE ? "an increase" : "a reduction";
        Violation wrong = null;
        if (!inForce.insured()) {
            wrong = new Violation("kind", "nothing is insured today for " + what + ": ask for a NEW limit");
        } else if (kind == Kind.INCREASE && !amount.isGreaterThan(inForce.amount())) {
            wrong = new Violation("amount", what + " asks for more than the " + inForce.amount().amountText()
                    + " insured today");
        } else if (kind == Kind.REDUCE && !inForce.amount().isGreaterThan(amount)) {
            wrong = new Violation("amount", what + " asks for less than the " + inForce.amount().amountText()
                    + " insured today");
        }
        if (wrong != null) {
            throw DomainError.invalid("limit-request.invalid", "The limit request contradicts the limit in force",
                    List.of(wrong));
        }
        return this;
    }
}
