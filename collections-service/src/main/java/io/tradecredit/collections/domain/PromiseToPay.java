package io.tradecredit.collections.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.tradecredit.collections.domain.BusinessCalendar.DayCount;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.money.Money;

/**
 * A buyer's promise to pay an amount by a date (docs/domain.md §3 "Holds"). It holds the buyer
 * from the day it is made to its deadline: the promised date plus the tenant's grace days, counted
 * as the tenant counts its ladder's days and never on a day it does not work
 * ({@link PromiseTerms#deadline}), fixed when the promise is made so a later change of terms or
 * calendar does not move it.
 *
 * <p>Judged on a run date: <b>kept</b> as soon as the payments effective from the day the promise
 * was made up to the deadline (and not after the run date) add up to the promised amount, which
 * releases the hold; <b>broken</b> on the first run after the deadline when they do not, and then
 * the ladder resumes on that very run (the hold is released on the run date); otherwise
 * <b>pending</b>. It is kept too, with what was paid, once nothing it concerns is collectible any more (the buyer's
 * invoices due by the promised date credited or disputed: {@link #nothingLeftToPay}). A reversal takes away the payment it reverses: a payment reversed by the day the
 * verdict counts up to (the run date, or the deadline once it has passed) did not count at all;
 * one reversed after the deadline still kept the promise (a verdict at the deadline is not
 * re-opened by what happens after it). Payments in another currency do not count (amounts in
 * different currencies are never added).
 */
public record PromiseToPay(UUID id, UUID buyerId, Money amount, LocalDate madeOn, LocalDate promisedDate,
        int graceDays, LocalDate deadline) {

    /**
     * A payment the buyer made, by its effective date, and the day it was reversed (null while it
     * stands).
     */
    public record Payment(LocalDate on, Money amount, LocalDate reversedOn) {
        /** A payment that stands. */
        public Payment(LocalDate on, Money amount) {
            this(on, amount, null);
        }

        /** Whether it still stood at the end of {@code day}. */
        public boolean standsOn(LocalDate day) {
            return reversedOn == null || reversedOn.isAfter(day);
        }
    }

    public enum Outcome {
        PENDING, KEPT, BROKEN
    }

    /**
     * @param paid what counted toward the promise by the run date
     * @param shortfall what is still missing (zero when kept)
     * @param holdReleasedOn the run date when the verdict ends the hold (kept or broken), else null
     */
    public record Verdict(Outcome outcome, Money paid, Money shortfall, LocalDate holdReleasedOn) {
    }

    /**
     * A new promise under the tenant's terms and on its calendar, refused with every wrong item named: a promised date
     * before the day it is made, or after the tenant's bound ({@link PromiseTerms#latestPromisedDate}: with the default 30
     * days, made on 7 December 2026 for 1 January 2031 is refused, for 6 January 2027 accepted; until session 35 any date
     * was, holding the buyer's dunning for years).
     */
    public static PromiseToPay make(UUID id, UUID buyerId, Money amount, LocalDate madeOn, LocalDate promisedDate,
            PromiseTerms terms, BusinessCalendar calendar, DayCount count) {
        List<Violation> wrong = new ArrayList<>();
        if (buyerId == null) {
            wrong.add(new Violation("buyerId", "must be given"));
        }
        if (amount == null || !amount.isPositive()) {
            wrong.add(new Violation("amount", "must be more than zero"));
        }
        if (madeOn == null) {
            wrong.add(new Violation("madeOn", "must be given"));
        }
        if (promisedDate == null) {
            wrong.add(new Violation("promisedDate", "must be given"));
        } else if (madeOn != null && promisedDate.isBefore(madeOn)) {
            wrong.add(new Violation("promisedDate", "must not be before the day the promise is made (" + madeOn + ")"));
        } else if (madeOn != null) {
            // a promise holds the buyer's dunning to its deadline: one dated years ahead would hold it for years
            terms.violationIfTooFar("promisedDate", madeOn, promisedDate).ifPresent(wrong::add);
        }
        if (!wrong.isEmpty()) {
            throw DomainError.invalid("promise.invalid", "The promise to pay is incomplete or inconsistent", wrong);
        }
        return new PromiseToPay(id, buyerId, amount, madeOn, promisedDate, terms.graceDays(),
                terms.deadline(promisedDate, calendar, count));
    }

    /** The hold the promise puts on the whole buyer: from the day it is made to its deadline. */
    public Hold hold(UUID holdId) {
        return Hold.place(holdId, buyerId, null, Hold.Reason.PROMISE_TO_PAY, madeOn, deadline());
    }

    /**
     * Whether nothing the promise concerns is still asked of the buyer: none of its {@code open} items (the buyer's
     * open invoices now) in the promise's currency, due by the promised date, has anything collectible left (paid,
     * credited, or the rest disputed). Invoices falling due after the promised date are not what was promised.
     */
    public boolean nothingLeftToPay(List<DunningItem> open) {
        return open.stream().noneMatch(i -> i.collectible().currency().equals(amount.currency())
                && !i.dueDate().isAfter(promisedDate) && i.collectible().isPositive());
    }

    /**
     * Whether a promise judged kept is pending again after a reversal on {@code on}: only up to its
     * deadline, and only when what still stands no longer covers it. It then holds again until the
     * deadline and is judged there. After the deadline a kept promise stays kept: the verdict was
     * given when the time to keep it ran out, and a later bounce is a new debt for the ladder, not a
     * rewritten past (docs/collections-service.md, "Cases, promises and agencies").
     */
    public boolean pendingAgainAfterReversal(List<Payment> payments, LocalDate on) {
        return !on.isAfter(deadline()) && judge(payments, on).outcome() == Outcome.PENDING;
    }

    /** The verdict on {@code runDate}, from every payment of the buyer (any date, any currency). */
    public Verdict judge(List<Payment> payments, LocalDate runDate) {
        return judge(payments, runDate, false);
    }

    /**
     * The verdict on {@code runDate}, from every payment of the buyer and whether {@link #nothingLeftToPay} on it:
     * a promise whose debt was credited or disputed away (goods returned, a wrong invoice) is kept with what was
     * paid, not broken for the part nobody asks for any more.
     */
    public Verdict judge(List<Payment> payments, LocalDate runDate, boolean nothingLeftToPay) {
        LocalDate countUpTo = runDate.isBefore(deadline()) ? runDate : deadline();
        Money paid = payments.stream()
                .filter(p -> p.amount().currency().equals(amount.currency()))
                .filter(p -> !p.on().isBefore(madeOn) && !p.on().isAfter(countUpTo) && p.standsOn(countUpTo))
                .map(Payment::amount)
                .reduce(Money.zero(amount.currency()), Money::plus);
        if (paid.compareTo(amount) >= 0 || nothingLeftToPay) {
            return new Verdict(Outcome.KEPT, paid, Money.zero(amount.currency()), runDate);
        }
        Money shortfall = amount.minus(paid);
        if (runDate.isAfter(deadline())) {
            return new Verdict(Outcome.BROKEN, paid, shortfall, runDate);
        }
        return new Verdict(Outcome.PENDING, paid, shortfall, null);
    }
}
