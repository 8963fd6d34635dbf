package io.tradecredit.invoice.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What was owed on one invoice on any day, from its total and its dated ledger entries: the
 * balance on a date counts every entry effective on or before that date. A disputed amount is
 * frozen out of the collectible balance from the day the dispute was raised until the day it
 * was resolved (an upheld part then leaves through its credit note's entry).
 */
public final class BalanceHistory {
    private final Money total;
    private final List<DisputePeriod> disputes;
    private final List<LedgerEntry> entries;

    /** A dispute of {@code amount} on an invoice, from {@code raisedOn} until {@code resolvedOn} (null: still open). */
    public record DisputePeriod(UUID invoiceId, BigDecimal amount, LocalDate raisedOn, LocalDate resolvedOn) {
        boolean covers(LocalDate day) {
            return !day.isBefore(raisedOn) && (resolvedOn == null || day.isBefore(resolvedOn));
        }
    }

    public BalanceHistory(Money total, List<DisputePeriod> disputes, List<LedgerEntry> entries) {
        this.total = total;
        this.disputes = List.copyOf(disputes);
        this.entries = entries.stream().sorted(Comparator.comparing(LedgerEntry::effectiveDate)).toList();
    }

    /** A balance with {@code disputed} frozen on every day, e.g. for a worked example. */
    public BalanceHistory(Money total, Money disputed, List<LedgerEntry> entries) {
        this(total, disputed.isZero() ? List.of() : List.of(new DisputePeriod(null, disputed.amount(), LocalDate.MIN, null)),
                entries);
    }

    /** The invoice's history from all entries and disputes given (others' are ignored). */
    public static BalanceHistory of(Invoice invoice, List<LedgerEntry> entries, List<DisputePeriod> disputes) {
        return new BalanceHistory(invoice.total(),
                disputes.stream().filter(d -> invoice.id.equals(d.invoiceId())).toList(),
                entries.stream().filter(e -> e.invoiceId().equals(invoice.id)).toList());
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

    /** What was under dispute on {@code date}. */
    public Money disputedOn(LocalDate date) {
        BigDecimal sum = disputes.stream().filter(d -> d.covers(date)).map(DisputePeriod::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.rounded(sum, total.currency());
    }

    /** The open amount at the end of {@code date} less what was disputed then: what late charges run on. */
    public Money collectibleOn(LocalDate date) {
        return openOn(date).minus(disputedOn(date)).max(Money.zero(total.currency()));
    }

    public Money total() {
        return total;
    }
}
