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
    private final List<PlanPeriod> plans;

    /** A dispute of {@code amount} on an invoice, from {@code raisedOn} until {@code resolvedOn} (null: still open). */
    public record DisputePeriod(UUID invoiceId, BigDecimal amount, LocalDate raisedOn, LocalDate resolvedOn) {
        boolean covers(LocalDate day) {
            return !day.isBefore(raisedOn) && (resolvedOn == null || day.isBefore(resolvedOn));
        }
    }

    /**
     * A payment plan over an invoice, kept from {@code agreedOn} until {@code endedOn} (broken or
     * completed; null while it runs). An agreed plan replaces the due date, so no late charges
     * accrue on the invoice while it is kept; from the day it breaks they accrue again.
     */
    public record PlanPeriod(UUID invoiceId, LocalDate agreedOn, LocalDate endedOn) {
        boolean covers(LocalDate day) {
            return !day.isBefore(agreedOn) && (endedOn == null || day.isBefore(endedOn));
        }
    }

    public BalanceHistory(Money total, List<DisputePeriod> disputes, List<LedgerEntry> entries) {
        this(total, disputes, entries, List.of());
    }

    public BalanceHistory(Money total, List<DisputePeriod> disputes, List<LedgerEntry> entries, List<PlanPeriod> plans) {
        this.total = total;
        this.disputes = List.copyOf(disputes);
        this.entries = entries.stream().sorted(Comparator.comparing(LedgerEntry::effectiveDate)).toList();
        this.plans = List.copyOf(plans);
    }

    /** A balance with {@code disputed} frozen on every day, e.g. for a worked example. */
    public BalanceHistory(Money total, Money disputed, List<LedgerEntry> entries) {
        this(total, disputed.isZero() ? List.of() : List.of(new DisputePeriod(null, disputed.amount(), LocalDate.MIN, null)),
                entries);
    }

    /** The invoice's history from all entries and disputes given (others' are ignored). */
    public static BalanceHistory of(Invoice invoice, List<LedgerEntry> entries, List<DisputePeriod> disputes) {
        return of(invoice, entries, disputes, List.of());
    }

    /** The invoice's history from all entries, disputes and payment plans given (others' are ignored). */
    public static BalanceHistory of(Invoice invoice, List<LedgerEntry> entries, List<DisputePeriod> disputes,
            List<PlanPeriod> plans) {
        return new BalanceHistory(invoice.total(),
                disputes.stream().filter(d -> invoice.id.equals(d.invoiceId())).toList(),
                entries.stream().filter(e -> e.invoiceId().equals(invoice.id)).toList(),
                plans.stream().filter(p -> invoice.id.equals(p.invoiceId())).toList());
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

    /** What late charges run on at the end of {@code date}: the collectible amount, none under a kept plan. */
    public Money chargeableOn(LocalDate date) {
        if (plans.stream().anyMatch(p -> p.covers(date))) {
            return Money.zero(total.currency());
        }
        return collectibleOn(date);
    }

    public Money total() {
        return total;
    }
}
