package io.tradecredit.claims.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * The part of a loss the tenant keeps before the insurer pays: none, a fixed amount on every
 * claim ({@link Kind#PER_CLAIM}), or an annual first-loss amount ({@link Kind#ANNUAL_FIRST_LOSS}):
 * the first losses of each policy year up to that amount, however many claims they come in.
 */
public record Deductible(Kind kind, Money amount) {
    /** How the deductible applies. */
    public enum Kind {
        NONE, PER_CLAIM, ANNUAL_FIRST_LOSS
    }

    public Deductible {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
    }

    /** No deductible in {@code currency}. */
    public static Deductible none(String currency) {
        return new Deductible(Kind.NONE, Money.zero(currency));
    }

    /**
     * What is wrong with a deductible given as {@code kind} and {@code amount} under a policy in
     * {@code currency}, each named under {@code prefix} ({@code deductible.amount}).
     */
    static List<Violation> violations(String prefix, Kind kind, Money amount, String currency) {
        List<Violation> wrong = new ArrayList<>();
        if (kind == null) {
            wrong.add(new Violation(prefix + "kind", "is required: NONE, PER_CLAIM or ANNUAL_FIRST_LOSS"));
            return wrong;
        }
        if (kind == Kind.NONE) {
            if (amount != null && !amount.isZero()) {
                wrong.add(new Violation(prefix + "amount", "a deductible of kind NONE has no amount"));
            }
            return wrong;
        }
        if (amount == null || !amount.isPositive()) {
            wrong.add(new Violation(prefix + "amount", "is required and must be above 0 for " + kind));
        } else if (currency != null && !amount.currencyCode().equals(currency)) {
            wrong.add(new Violation(prefix + "amount.currency", "must be the policy's currency " + currency));
        }
        return wrong;
    }
}
