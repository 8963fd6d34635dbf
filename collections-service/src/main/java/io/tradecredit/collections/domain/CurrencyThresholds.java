package io.tradecredit.collections.domain;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * An amount per currency, at most one each (a step's minimum amount, a tenant's tolerance): an
 * invoice is compared with the amount in its own currency, never a converted one, and a currency
 * without an amount has no threshold.
 */
public record CurrencyThresholds(List<Money> amounts) {
    public static final CurrencyThresholds NONE = new CurrencyThresholds(List.of());

    public CurrencyThresholds {
        amounts = amounts == null ? List.of() : List.copyOf(amounts);
    }

    public static CurrencyThresholds of(Money... amounts) {
        return new CurrencyThresholds(List.of(amounts));
    }

    /** The threshold in {@code currency}, if there is one. */
    public Optional<Money> in(Currency currency) {
        return amounts.stream().filter(m -> m.currency().equals(currency)).findFirst();
    }

    /** Whether {@code amount} is under the threshold of its currency (an amount equal to it is not). */
    public boolean isAbove(Money amount) {
        return in(amount.currency()).map(threshold -> threshold.isGreaterThan(amount)).orElse(false);
    }

    /** Negative amounts and a second amount in one currency, named under {@code path}. */
    List<Violation> violations(String path) {
        List<Violation> problems = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            Money m = amounts.get(i);
            if (m.isNegative()) {
                problems.add(new Violation(path + "[" + i + "].amount", "must not be negative"));
            }
            if (amounts.subList(0, i).stream().anyMatch(earlier -> earlier.currency().equals(m.currency()))) {
                problems.add(new Violation(path + "[" + i + "].currency",
                        "a second amount in " + m.currencyCode() + ": at most one per currency"));
            }
        }
        return problems;
    }
}
