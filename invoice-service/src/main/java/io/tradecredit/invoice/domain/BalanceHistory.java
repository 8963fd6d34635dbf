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

    /**
     * A dispute of {@code amount} on an invoice, from {@code raisedOn} until {@code resolvedOn} (null: still open),
     * of which {@code credited} was upheld (its credit note; zero while open or when rejected).
     */
    public record DisputePeriod(UUID invoiceId, BigDecimal amount, LocalDate raisedOn, LocalDate resolvedOn,
            BigDecimal credited) {
        public DisputePeriod {
            credited = credited == null ? BigDecimal.ZERO : credited;
        }

        /** A dispute nothing of which was upheld (open, or rejected). */
        public DisputePeriod(UUID invoiceId, BigDecimal amount, LocalDate raisedOn, LocalDate resolvedOn) {
            this(invoiceId, amount, raisedOn, resolvedOn, BigDecimal.ZERO);
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(raisedOn) && (resolvedOn == null || day.isBefore(resolvedOn));
        }

        /** What of it the buyer turned out to owe: frozen while it runs, collectible again from its resolution. */
        BigDecimal owed() {
            return amount.subtract(credited).max(BigDecimal.ZERO);
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

    /**
     * What the buyer really owed at the end of {@code date}, for late charges: the open amount less what
     * credit notes dated later take back. A credit note corrects the invoice (wrong price or quantity,
     * goods returned, a dispute upheld): what it credits was never owed, so it is charged on no day
     * (10,000 due, 4,000 credited on day 45: 6,000 owed on day 30, so a 180.00 fee, not 300.00).
     */
    public Money owedOn(LocalDate date) {
        Money creditedLater = Money.zero(total.currency());
        for (LedgerEntry e : entries) {
            if (e.kind() == LedgerEntry.Kind.CREDIT_NOTE && e.effectiveDate().isAfter(date)) {
                creditedLater = creditedLater.plus(e.amount());
            }
        }
        return openOn(date).minus(creditedLater).max(Money.zero(total.currency()));
    }

    /**
     * What late charges run on at the end of {@code date}: what was owed less what was under dispute and not
     * upheld in the end (an upheld part is never owed at all, {@link #owedOn}). Under a kept payment plan only
     * what is collectible outside it: the plan took what was collectible when it was agreed, so what a dispute
     * running then releases later (rejected, or the rest of one partly upheld) is overdue beside the plan and
     * charged as any overdue amount, from the day it is released, up to what is collectible (the plan's
     * payments count towards the plan first).
     */
    public Money chargeableOn(LocalDate date) {
        return chargeableOn(date, null);
    }

    /**
     * What the late fee runs on at the end of {@code date} when its day was {@code feeDay}: as
     * {@link #chargeableOn(LocalDate)}, but a plan agreed after the fee day does not count. What was charged on
     * the fee day is not charged again, and what was frozen then (disputed) and is released under such a plan is
     * outside it, so the plan changes nothing of the fee (4,000 disputed on day 30 and rejected on day 40, the
     * day a plan over the 6,000 charged on day 30 is agreed: 3% of the 4,000 from day 40).
     */
    public Money chargeableForFeeOn(LocalDate date, LocalDate feeDay) {
        return chargeableOn(date, feeDay);
    }

    /** {@code plansAgreedBy}: only plans agreed on or before it count (null: all). */
    private Money chargeableOn(LocalDate date, LocalDate plansAgreedBy) {
        Money none = Money.zero(total.currency());
        BigDecimal frozen = disputes.stream().filter(d -> d.covers(date)).map(DisputePeriod::owed)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Money chargeable = owedOn(date).minus(Money.rounded(frozen, total.currency())).max(none);
        for (PlanPeriod plan : plans) {
            if (plan.covers(date) && (plansAgreedBy == null || !plan.agreedOn().isAfter(plansAgreedBy))) {
                chargeable = chargeable.min(Money.rounded(releasedBeside(plan, date), total.currency()));
            }
        }
        return chargeable;
    }

    /**
     * What disputes running on the day {@code plan} was agreed released (owed after all) by the end of {@code date}.
     * A dispute raised or resolved on that very day counts as running when the plan was agreed (the dates do not
     * tell which came first).
     */
    private BigDecimal releasedBeside(PlanPeriod plan, LocalDate date) {
        LocalDate agreed = plan.agreedOn();
        return disputes.stream()
                .filter(d -> !d.raisedOn().isAfter(agreed) && d.resolvedOn() != null && !d.resolvedOn().isBefore(agreed)
                        && !d.resolvedOn().isAfter(date))
                .map(DisputePeriod::owed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Money total() {
        return total;
    }
}
