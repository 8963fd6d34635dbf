package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import io.tradecredit.common.money.Money;

/**
 * An agency's settlement of a case for less than the buyer owed (docs/collections-service.md, "Agencies"): the
 * settlement ends the debt of the case, so its invoices are no longer dunned ({@link SkipReason#SETTLED_BY_AGENCY})
 * and what they still owe is {@link #left()}, proposed for write-off through the abandonment flow (a collector
 * confirms: DOMAIN §3, §5), the proposal saying why ({@link #reason()}).
 *
 * @param left what the settled invoices still owe, per currency (collectible), in currency order
 */
public record AgencySettlement(String agencyCode, LocalDate settledOn, List<Money> left) {
    public AgencySettlement {
        left = List.copyOf(left);
    }

    /** The settlement of {@code agencyCode} on {@code settledOn}, its invoices still owing {@code collectible} each. */
    public static AgencySettlement of(String agencyCode, LocalDate settledOn, List<Money> collectible) {
        return new AgencySettlement(agencyCode, settledOn, perCurrency(collectible));
    }

    /** The positive totals of {@code amounts} per currency, in currency order. */
    public static List<Money> perCurrency(List<Money> amounts) {
        List<Money> totals = new ArrayList<>();
        for (Money m : amounts) {
            int at = indexOf(totals, m);
            if (at < 0) {
                totals.add(m);
            } else {
                totals.set(at, totals.get(at).plus(m));
            }
        }
        totals.removeIf(m -> !m.isPositive());
        totals.sort(Comparator.comparing(Money::currencyCode));
        return totals;
    }

    private static int indexOf(List<Money> totals, Money m) {
        for (int i = 0; i < totals.size(); i++) {
            if (totals.get(i).currency().equals(m.currency())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether anything is left to write off. */
    public boolean leavesSomething() {
        return !left.isEmpty();
    }

    /** The proposal's reason: {@code settled by agency <code> on <date>; <amount> left} (each currency's). */
    public String reason() {
        return "settled by agency " + agencyCode + " on " + settledOn + "; "
                + left.stream().map(Money::toString).collect(Collectors.joining(" and ")) + " left";
    }
}
