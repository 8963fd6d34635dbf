package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What a buyer owes as of a date: its invoices with something open or late charges still due, the ledger entries
 * between {@code from} and the date, and totals per currency (never added across currencies). Each invoice's
 * charges are under its own terms ({@link Invoice#lateChargeTerms()}); {@code terms} are those that apply to
 * the buyer now, which its invoices issued from now on get.
 */
public record BuyerStatement(UUID buyerId, LocalDate from, LocalDate asOf, LateChargeTerms terms, List<Line> invoices,
        List<StatementEntry> entries, List<Total> totals) {

    public record Line(Invoice invoice, LateChargeAccount account) {
    }

    public record Total(String currency, int invoices, Money open, LateCharges chargesDue, Money totalDue) {
    }

    public static BuyerStatement of(UUID buyerId, LocalDate from, LocalDate asOf, LateChargeTerms terms,
            List<Line> invoices, List<StatementEntry> entries) {
        // an invoice is on the statement while it owes something: principal, or late charges not waived
        List<Line> owing = invoices.stream()
                .filter(l -> l.account().open().isPositive() || l.account().due().total().isPositive()).toList();
        Map<String, Total> totals = new TreeMap<>();
        for (Line line : owing) {
            LateChargeAccount a = line.account();
            totals.merge(a.open().currencyCode(), new Total(a.open().currencyCode(), 1, a.open(), a.due(), a.totalDue()),
                    (x, y) -> new Total(x.currency(), x.invoices() + y.invoices(), x.open().plus(y.open()),
                            x.chargesDue().plus(y.chargesDue()), x.totalDue().plus(y.totalDue())));
        }
        return new BuyerStatement(buyerId, from, asOf, terms, owing, entries, new ArrayList<>(totals.values()));
    }
}
