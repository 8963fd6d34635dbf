package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.Reports;
import io.tradecredit.invoice.domain.Aging;

/**
 * A buyer's open balance as of a date, per currency, with the part past due and the buyer's credit held on the date
 * ({@code credit}: overpayments, payments kept whole, paid parts of upheld disputes, not applied yet), as its statement
 * shows it ({@link io.tradecredit.invoice.domain.HeldCredit}): a currency with credit and nothing open is a row of no
 * invoices.
 */
public record BalanceView(UUID buyerId, LocalDate asOf, List<Row> currencies) {

    public record Row(String currency, Money open, Money overdue, int invoices, Money credit) {
    }

    /** From the buyer's aging: open is the total, overdue everything outside the current bucket. */
    static BalanceView of(UUID buyerId, LocalDate asOf, Reports.BuyerBalance balance) {
        List<Row> rows = new ArrayList<>(balance.aging().stream()
                .map(r -> new Row(r.currency(), r.total().amount(),
                        r.total().amount().minus(r.bucket(Aging.Bucket.CURRENT).amount()), r.total().invoices(),
                        balance.credit().in(r.total().amount())))
                .toList());
        for (Money held : balance.credit().onlyCredit(rows.stream().map(Row::currency).toList())) {
            Money none = Money.zero(held.currency());
            rows.add(new Row(held.currencyCode(), none, none, 0, held));
        }
        rows.sort(Comparator.comparing(Row::currency));
        return new BalanceView(buyerId, asOf, rows);
    }
}
