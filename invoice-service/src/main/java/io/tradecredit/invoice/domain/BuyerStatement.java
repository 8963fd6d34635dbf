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

    /**
     * One currency's figures: {@code balance} = {@code totalDue} - {@code credit}; {@code openingBalance}: the balance
     * on the day before {@code from} ({@link #withOpening}), so that opening + invoiced in the period - the period's
     * entries (its late charges among them: {@link LateChargeEntries}) = balance.
     */
    public record Total(String currency, int invoices, Money open, LateCharges chargesDue, Money totalDue, Money credit,
            Money balance, Money openingBalance) {
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
                    null, null, null), (x, y) -> new Total(x.currency(), x.invoices() + y.invoices(), x.open().plus(y.open()),
                            x.chargesDue().plus(y.chargesDue()), x.totalDue().plus(y.totalDue()), null, null, null));
        }
        for (Money held : credit.onlyCredit(owed.keySet())) {
            Money none = Money.zero(held.currency());
            owed.put(held.currencyCode(), new Total(held.currencyCode(), 0, none, LateCharges.zero(held.currency()),
                    none, null, null, null));
        }
        List<Total> totals = new ArrayList<>();
        owed.forEach((currency, t) -> {
            Money held = credit.in(t.totalDue());
            totals.add(new Total(currency, t.invoices(), t.open(), t.chargesDue(), t.totalDue(), held,
                    t.totalDue().minus(held), Money.zero(held.currency())));
        });
        return new BuyerStatement(buyerId, from, asOf, terms, owing,
                entries.stream().sorted(StatementEntry.IN_ORDER).toList(), totals);
    }

    /**
     * This statement with each total's {@code openingBalance}: the {@code balance} {@code dayBefore} (the buyer's
     * statement as of the day before {@code from}, by this same rule) shows in its currency, 0.00 if none. A currency
     * with a balance then and no total now (all of it paid or applied in the period) gets a total of no invoices, a
     * balance of 0.00 and that opening balance. 10,000.00 owed on the day before {@code from}, 6,000.00 of it paid in
     * the period and 5,000.00 invoiced: opening 10,000.00 + 5,000.00 - 6,000.00 = 9,000.00 = balance.
     */
    public BuyerStatement withOpening(BuyerStatement dayBefore) {
        Map<String, Money> opening = new TreeMap<>();
        dayBefore.totals().forEach(t -> opening.put(t.currency(), t.balance()));
        Map<String, Total> byCurrency = new TreeMap<>();
        totals.forEach(t -> byCurrency.put(t.currency(), t));
        opening.forEach((currency, balance) -> {
            if (!balance.isZero() && !byCurrency.containsKey(currency)) {
                Money none = Money.zero(balance.currency());
                byCurrency.put(currency, new Total(currency, 0, none, LateCharges.zero(balance.currency()), none, none,
                        none, none));
            }
        });
        List<Total> opened = byCurrency.values().stream().map(t -> new Total(t.currency(), t.invoices(), t.open(),
                t.chargesDue(), t.totalDue(), t.credit(), t.balance(),
                opening.getOrDefault(t.currency(), Money.zero(t.balance().currency())))).toList();
        return new BuyerStatement(buyerId, from, asOf, terms, invoices, entries, opened);
    }
}
