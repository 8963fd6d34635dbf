package io.tradecredit.collections.domain;

import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What the choice of a buyer's ladder looks at: its risk grade (null until credit-service has
 * graded it), whether the tenant's credit insurance covers it, and its whole overdue balance.
 */
public record BuyerProfile(UUID buyerId, Integer grade, boolean insured, Money overdue) {
}
