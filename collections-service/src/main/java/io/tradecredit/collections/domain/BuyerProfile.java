package io.tradecredit.collections.domain;

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

    /** A buyer as the read model knows it: its grade and the overdue balances of its standing. */
    public static BuyerProfile of(UUID buyerId, Integer grade, boolean insured, BuyerStanding standing) {
        return new BuyerProfile(buyerId, grade, insured, standing.overdue());
    }
}
