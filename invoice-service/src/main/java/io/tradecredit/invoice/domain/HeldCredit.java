package io.tradecredit.invoice.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.tradecredit.common.money.Money;

/**
 * The buyer's credit held on a date, by currency code (overpayments, payments kept whole, paid parts of upheld
 * disputes, not applied yet: money of the buyer's the tenant holds), and how a report of what the buyer owes per
 * currency shows it, the statement's totals and the balance's rows alike: each currency it owes in shows the credit
 * held in it (0.00 if none), and each currency it holds credit in but owes nothing in gets a row of no invoices
 * (1,000.00 USD paid ahead of any invoice); a currency whose credit was all applied (0.00) adds none.
 */
public record HeldCredit(Map<String, Money> byCurrency) {

    public HeldCredit {
        byCurrency = Map.copyOf(byCurrency);
    }

    public static HeldCredit none() {
        return new HeldCredit(Map.of());
    }

    /** The credit held in the currency of {@code like}, 0 if none. */
    public Money in(Money like) {
        return byCurrency.getOrDefault(like.currencyCode(), Money.zero(like.currency()));
    }

    /**
     * The credit held in each currency the buyer holds some in and owes nothing in ({@code owed}: the currency codes it
     * owes in), by currency code in order: each such currency is a row of no invoices.
     */
    public List<Money> onlyCredit(Collection<String> owed) {
        Map<String, Money> only = new TreeMap<>();
        byCurrency.forEach((currency, held) -> {
            if (held.isPositive() && !owed.contains(currency)) {
                only.put(currency, held);
            }
        });
        return List.copyOf(only.values());
    }
}
