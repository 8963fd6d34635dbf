package io.tradecredit.invoice.domain;

import java.math.BigDecimal;

import io.tradecredit.common.money.Money;

/**
 * One line of an invoice: what, how many, at what unit price; amount = quantity x unit price rounded
 * HALF_UP to the currency's scale (the unit price may have more decimals: {@link UnitPrice}).
 */
public record InvoiceLine(String description, BigDecimal quantity, UnitPrice unitPrice, Money amount) {
    public static InvoiceLine of(String description, BigDecimal quantity, UnitPrice unitPrice) {
        return new InvoiceLine(description, quantity, unitPrice, unitPrice.times(quantity));
    }
}
