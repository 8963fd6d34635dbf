package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * Whether a buyer keeps its payment plan: instalment n is kept when what was paid on the plan's
 * invoices since the agreement up to n's due date covers the principal of instalments 1..n. The
 * first one not covered is missed, and a missed instalment breaks the plan (docs/domain.md §2).
 * What counts as paid since the agreement is decided by {@link #towards}. Interest shown on the
 * schedule is billed apart and does not count here.
 */
public final class PlanCompliance {

    /** A payment (or, negative, its reversal) on one of the plan's invoices, by effective date. */
    public record Payment(LocalDate on, Money amount) {
    }

    /**
     * A ledger entry on one of the plan's invoices: effective on a date, recorded at a moment; for the credit note
     * of an upheld dispute, the days the dispute was raised and resolved (otherwise both null).
     */
    public record Entry(LocalDate effective, OffsetDateTime recordedAt, Money amount, LocalDate disputeRaisedOn,
            LocalDate disputeResolvedOn) {

        /** An entry that is not a dispute's credit note. */
        public Entry(LocalDate effective, OffsetDateTime recordedAt, Money amount) {
            this(effective, recordedAt, amount, null, null);
        }

        /**
         * The credit note of a dispute running on the day {@code agreedOn}: raised on or before it, resolved on or
         * after it (a dispute raised or resolved that very day counts as running, as in {@code BalanceHistory}).
         */
        boolean creditsADisputeRunningOn(LocalDate agreedOn) {
            return disputeRaisedOn != null && !disputeRaisedOn.isAfter(agreedOn)
                    && (disputeResolvedOn == null || !disputeResolvedOn.isBefore(agreedOn));
        }
    }

    /**
     * What counts towards the plan: every entry on its invoices recorded after the agreement was
     * recorded, whatever its kind (payment, reversal, credit note, write-off) and its effective
     * date. The plan's principal is what was collectible when it was agreed, so an entry recorded
     * before is in it already (a payment earlier the same day), and one recorded after lowers (or,
     * reversed, raises) what is left of it (a payment posted later but backdated before the
     * agreement, a credit note, a write-off). Each counts from its effective date. Left out: the
     * credit note of a dispute running when the plan was agreed, as the disputed part was not
     * collectible then, so it is not in the principal ({@link PaymentPlan}{@code .principalOver}):
     * 10,000.00 with 4,000.00 disputed, a plan over 6,000.00 in 2 x 3,000.00, the dispute upheld and
     * 4,000.00 credited keeps no instalment while nothing is paid. The credit note of a dispute raised
     * after the agreement counts (that part was in the principal). {@code agreedOn} is the plan's agreement day
     * ({@code PaymentPlan.agreedOn}, the business time zone's), which tells the disputes running then.
     */
    public static List<Payment> towards(OffsetDateTime agreedAt, LocalDate agreedOn, List<Entry> entries) {
        return towards(agreedAt, agreedOn, entries, List.of());
    }

    /**
     * One of the plan's invoices cancelled on a day, with what was open on it then. An invoice can be
     * cancelled only while open, so one on the plan was cancelled after the agreement; a cancellation
     * leaves no ledger entry, yet what was open on the invoice is no longer owed.
     */
    public record Cancellation(LocalDate on, Money open) {
    }

    /**
     * What counts towards the plan, {@link #towards(OffsetDateTime, LocalDate, List) the entries} and its invoices
     * cancelled: each lowers what is left of the principal from its cancellation day by what was open
     * on it, as a write-off of the same amount would (so a cancelled invoice does not leave the buyer
     * owing instalments for it: 2,243.00 in two instalments of 1,121.50 over 1,243.00 and 1,000.00, the
     * first invoice cancelled, keeps the first instalment).
     */
    public static List<Payment> towards(OffsetDateTime agreedAt, LocalDate agreedOn, List<Entry> entries,
            List<Cancellation> cancelled) {
        List<Payment> counted = new ArrayList<>();
        entries.stream().filter(e -> e.recordedAt().isAfter(agreedAt) && !e.creditsADisputeRunningOn(agreedOn))
                .forEach(e -> counted.add(new Payment(e.effective(), e.amount())));
        cancelled.forEach(c -> counted.add(new Payment(c.on(), c.open())));
        return List.copyOf(counted);
    }

    /** Instalments found kept, the one missed (or null), and whether the principal is paid off. */
    public record Verdict(List<Integer> kept, InstalmentSchedule.Instalment missed, Money paidByMissedDue,
            boolean paidOff) {
    }

    private PlanCompliance() {
    }

    /**
     * Judges the instalments due before {@code asOf} that are not judged yet (numbers above
     * {@code judgedUpTo}), in order, stopping at the first missed one.
     */
    public static Verdict judge(List<InstalmentSchedule.Instalment> schedule, int judgedUpTo, List<Payment> payments,
            LocalDate asOf) {
        Money zero = Money.zero(schedule.get(0).principal().currency());
        Money principal = schedule.stream().map(InstalmentSchedule.Instalment::principal).reduce(zero, Money::plus);
        Money paidTotal = payments.stream().filter(p -> !p.on().isAfter(asOf)).map(Payment::amount)
                .reduce(zero, Money::plus);
        List<Integer> kept = new ArrayList<>();
        Money dueSoFar = zero;
        for (InstalmentSchedule.Instalment i : schedule) {
            dueSoFar = dueSoFar.plus(i.principal());
            if (i.number() <= judgedUpTo || !i.dueDate().isBefore(asOf)) {
                continue;
            }
            Money paidByDue = payments.stream().filter(p -> !p.on().isAfter(i.dueDate())).map(Payment::amount)
                    .reduce(zero, Money::plus);
            if (paidByDue.compareTo(dueSoFar) < 0) {
                return new Verdict(kept, i, paidByDue, false);
            }
            kept.add(i.number());
        }
        return new Verdict(kept, null, null, paidTotal.compareTo(principal) >= 0);
    }
}
