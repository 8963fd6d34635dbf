package io.tradecredit.invoice.domain;

import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/** What a buyer has paid beyond its invoices in one currency; never below zero. */
public final class BuyerCredit {
    private final String tenantId;
    private final UUID buyerId;
    private Money balance;

    public BuyerCredit(String tenantId, UUID buyerId, Money balance) {
        this.tenantId = tenantId;
        this.buyerId = buyerId;
        this.balance = balance;
    }

    public String tenantId() {
        return tenantId;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public Money balance() {
        return balance;
    }

    public void deposit(Money amount) {
        balance = balance.plus(amount);
    }

    public void withdraw(Money amount) {
        if (amount.isGreaterThan(balance)) {
            throw DomainError.conflict("buyer-credit.insufficient", "Buyer " + buyerId + " has only " + balance + " credit; cannot take " + amount);
        }
        balance = balance.minus(amount);
    }
}
