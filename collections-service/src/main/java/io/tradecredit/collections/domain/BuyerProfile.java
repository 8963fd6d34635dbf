package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What the choice of a buyer's ladder looks at: its risk grade (null until credit-service has
 * graded it), whether the tenant's credit insurance covers it, and its overdue balance in each
 * currency it is overdue in (none: nothing overdue, so no amount band matches).
 */
public record BuyerProfile(UUID buyerId, Integer grade, boolean insured, List<Money> overdueBalances) {
    public BuyerProfile {
        overdueBalances = List.copyOf(overdueBalances);
    }

    /** A buyer overdue in one currency. */
    public BuyerProfile(UUID buyerId, Integer grade, boolean insured, Money overdue) {
        this(buyerId, grade, insured, List.of(overdue));
    }

    /**
     * The buyer with {@code invoices} open on {@code day} (the invoices as such, not a plan's
     * instalments): overdue in each currency by the collectible part of those past their due date,
     * in none when none is. The one way both the daily run and the ladder door
     * ({@code GET .../buyers/{id}/ladder}) profile a buyer, so they choose the same ladder.
     */
    public static BuyerProfile of(UUID buyerId, Integer grade, boolean insured, List<DunningItem> invoices,
            LocalDate day) {
        return of(buyerId, grade, insured, BuyerStanding.of(invoices, null, day));
    }

    /** A buyer as the read model knows it: its grade and the overdue balances of its standing. */
    public static BuyerProfile of(UUID buyerId, Integer grade, boolean insured, BuyerStanding standing) {
        return new BuyerProfile(buyerId, grade, insured, standing.overdue());
    }
}
