package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * What the run needs to know of a buyer as a whole: the last day of the latest hold on the buyer
 * (null: none), its overdue balance, per currency (the collectible part of every item past its
 * due date), which the tenant's tolerance is compared with, and whether it is in insolvency proceedings (blocked by
 * credit-service for an insolvency filing, or an insolvency claim open): it gets no dunning message then.
 */
public record BuyerStanding(LocalDate heldUntil, List<Money> overdue, boolean insolvent) {
    public BuyerStanding {
        overdue = List.copyOf(overdue);
    }

    /** A buyer not in insolvency proceedings. */
    public BuyerStanding(LocalDate heldUntil, List<Money> overdue) {
        this(heldUntil, overdue, false);
    }

    /** The same buyer, in insolvency proceedings or not. */
    public BuyerStanding insolvent(boolean inProceedings) {
        return new BuyerStanding(heldUntil, overdue, inProceedings);
    }

    /**
     * The standing of a buyer with {@code items} on {@code asOf}; what an agency's settlement left is not asked for
     * any more, so it does not count ({@link DunningItem#settledByAgency()}).
     */
    public static BuyerStanding of(List<DunningItem> items, LocalDate heldUntil, LocalDate asOf) {
        List<Money> totals = new ArrayList<>();
        for (DunningItem item : items) {
            if (item.isOverdueOn(asOf) && !item.settledByAgency()) {
                add(totals, item.collectible());
            }
        }
        return new BuyerStanding(heldUntil, totals);
    }

    /**
     * What the buyer still owes overdue on {@code asOf}, per currency: the open amount of every item
     * past its due date, its disputed part included. A case closes only when this is nothing
     * ({@code CollectionCase#closeIfNothingOverdue}): a dispute stops the dunning of its part, it
     * does not pay it. What an agency's settlement left ({@link DunningItem#settledByAgency()}) is not: the settlement
     * ended that debt, a collector writes it off, so a later case of the buyer closes once its own debt is paid.
     */
    public static List<Money> owedOverdue(List<DunningItem> items, LocalDate asOf) {
        List<Money> totals = new ArrayList<>();
        for (DunningItem item : items) {
            if (item.isOverdueOn(asOf) && !item.settledByAgency()) {
                add(totals, item.open());
            }
        }
        return totals;
    }

    private static void add(List<Money> totals, Money amount) {
        for (int i = 0; i < totals.size(); i++) {
            if (totals.get(i).currency().equals(amount.currency())) {
                totals.set(i, totals.get(i).plus(amount));
                return;
            }
        }
        totals.add(amount);
    }

    public Money overdueIn(Currency currency) {
        return overdue.stream().filter(m -> m.currency().equals(currency)).findFirst().orElse(Money.zero(currency));
    }
}
