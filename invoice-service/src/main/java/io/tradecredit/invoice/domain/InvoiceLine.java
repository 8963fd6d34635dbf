package io.tradecredit.invoice.domain;

import java.math.BigDecimal;

import io.tradecredit.common.money.Money;

/** One line of an invoice: what, how many, at what unit price; amount = quantity x unit price. */
public record InvoiceLine(String description, BigDecimal quantity, Money unitPrice, Money amount) {
    public static InvoiceLine of(String description, BigDecimal quantity, Money unitPrice) {
        return new InvoiceLine(description, quantity, unitPrice, unitPrice.times(quantity));
    }
}
