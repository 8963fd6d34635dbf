package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What a buyer owes as of a date: its invoices with something open or late charges still due, the entries between
 * {@code from} and the date (on its invoices, and of its credit: {@link StatementEntry}) in the order they took effect, and totals per currency (never added across currencies). Each invoice's
 * charges are under its own terms ({@link Invoice#lateChargeTerms()}); {@code terms} are those that apply to
 * the buyer now, which its invoices issued from now on get. Each total also shows the buyer's credit held in its
 * currency on the date (an overpayment, a payment kept whole, the paid part of an upheld dispute, not applied yet:
 * money of the buyer's the tenant holds) and the {@code balance}, what is due less that credit: 5,000.00 owed with
 * 2,000.00 of credit is a balance of 3,000.00; a currency the buyer holds credit in and owes nothing has a total of
 * no invoices and a negative balance (1,000.00 USD paid ahead: -1,000.00, the tenant owes it).
 */
public record BuyerStatement(UUID buyerId, LocalDate from, LocalDate asOf, LateChargeTerms terms, List<Line> invoices,
        List<StatementEntry> entries, List<Total> totals) {

    public record Line(Invoice invoice, LateChargeAccount account) {
    }

    /** One currency's figures: {@code balance} = {@code totalDue} - {@code credit}. */
    public record Total(String currency, int invoices, Money open, LateCharges chargesDue, Money totalDue, Money credit,
            Money balance) {
    }

    /** A statement of a buyer that holds no credit. */
    public static BuyerStatement of(UUID buyerId, LocalDate from, LocalDate asOf, LateChargeTerms terms,
            List<Line> invoices, List<StatementEntry> entries) {
        return of(buyerId, from, asOf, terms, invoices, entries, HeldCredit.none());
    }

    /** {@code credit}: the buyer's credit held on {@code asOf}. */
    public static BuyerStatement of(UUID buyerId, LocalDate from, LocalDate asOf, LateChargeTerms terms,
            List<Line> invoices, List<StatementEntry> entries, HeldCredit credit) {
        // an invoice is on the statement while it owes something: principal, or late charges not waived
        List<Line> owing = invoices.stream()
                .filter(l -> l.account().open().isPositive() || l.account().due().total().isPositive()).toList();
        Map<String, Total> owed = new TreeMap<>();
        for (Line line : owing) {
            LateChargeAccount a = line.account();
            owed.merge(a.open().currencyCode(), new Total(a.open().currencyCode(), 1, a.open(), a.due(), a.totalDue(),
                    null, null), (x, y) -> new Total(x.currency(), x.invoices() + y.invoices(), x.open().plus(y.open()),
                            x.chargesDue().plus(y.chargesDue()), x.totalDue().plus(y.totalDue()), null, null));
        }
        for (Money held : credit.onlyCredit(owed.keySet())) {
            Money none = Money.zero(held.currency());
            owed.put(held.currencyCode(), new Total(held.currencyCode(), 0, none, LateCharges.zero(held.currency()),
                    none, null, null));
        }
        List<Total> totals = new ArrayList<>();
        owed.forEach((currency, t) -> {
            Money held = credit.in(t.totalDue());
            totals.add(new Total(currency, t.invoices(), t.open(), t.chargesDue(), t.totalDue(), held,
                    t.totalDue().minus(held)));
        });
        return new BuyerStatement(buyerId, from, asOf, terms, owing,
                entries.stream().sorted(StatementEntry.IN_ORDER).toList(), totals);
    }
}
