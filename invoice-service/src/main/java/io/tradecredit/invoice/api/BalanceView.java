package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Aging;

/** A buyer's open balance as of a date, per currency, with the part past due. */
public record BalanceView(UUID buyerId, LocalDate asOf, List<Row> currencies) {

    public record Row(String currency, Money open, Money overdue, int invoices) {
    }

    /** From the buyer's aging: open is the total, overdue everything outside the current bucket. */
    static BalanceView of(UUID buyerId, LocalDate asOf, List<Aging.Row> aging) {
        return new BalanceView(buyerId, asOf, aging.stream()
                .map(r -> new Row(r.currency(), r.total().amount(),
                        r.total().amount().minus(r.bucket(Aging.Bucket.CURRENT).amount()), r.total().invoices()))
                .toList());
    }
}
