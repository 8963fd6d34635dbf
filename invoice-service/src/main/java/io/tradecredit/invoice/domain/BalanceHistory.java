package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * What was owed on one invoice on any day, from its total and its dated ledger entries: the
 * balance on a date counts every entry effective on or before that date. The disputed amount is
 * frozen out of the collectible balance (disputes carry no dated ledger entry, so the invoice's
 * present disputed amount is taken for every day).
 */
public final class BalanceHistory {
    private final Money total;
    private final Money disputed;
    private final List<LedgerEntry> entries;

    public BalanceHistory(Money total, Money disputed, List<LedgerEntry> entries) {
        this.total = total;
        this.disputed = disputed;
        this.entries = entries.stream().sorted(Comparator.comparing(LedgerEntry::effectiveDate)).toList();
    }

    public static BalanceHistory of(Invoice invoice, List<LedgerEntry> entries) {
        return new BalanceHistory(invoice.total(), invoice.disputed(), entries.stream()
                .filter(e -> e.invoiceId().equals(invoice.id)).toList());
    }

    /** A balance that never changed, e.g. for a worked example. */
    public static BalanceHistory constant(Money open) {
        return new BalanceHistory(open, Money.zero(open.currency()), List.of());
    }

    /** What the buyer owed at the end of {@code date}. */
    public Money openOn(LocalDate date) {
        Money open = total;
        for (LedgerEntry e : entries) {
            if (e.effectiveDate().isAfter(date)) {
                break;
            }
            open = open.minus(e.amount());
        }
        return open;
    }

    /** The open amount at the end of {@code date} less what is disputed: what late charges run on. */
    public Money collectibleOn(LocalDate date) {
        return openOn(date).minus(disputed).max(Money.zero(total.currency()));
    }

    public Money total() {
        return total;
    }
}
