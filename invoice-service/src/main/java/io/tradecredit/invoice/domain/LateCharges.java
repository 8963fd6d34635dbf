package io.tradecredit.invoice.domain;

import java.util.Currency;

import io.tradecredit.common.money.Money;

/** Penalty interest and the one-off late fee on an invoice, in its currency. */
public record LateCharges(Money interest, Money fee) {

    public static LateCharges zero(Currency currency) {
        return new LateCharges(Money.zero(currency), Money.zero(currency));
    }

    public Money total() {
        return interest.plus(fee);
    }

    public LateCharges plus(LateCharges other) {
        return new LateCharges(interest.plus(other.interest), fee.plus(other.fee));
    }

    /** Each part less the other's, never below zero. */
    public LateCharges minus(LateCharges other) {
        Money none = Money.zero(interest.currency());
        return new LateCharges(interest.minus(other.interest).max(none), fee.minus(other.fee).max(none));
    }

    /** Each part capped at the other's. */
    public LateCharges min(LateCharges cap) {
        return new LateCharges(interest.min(cap.interest), fee.min(cap.fee));
    }
}
