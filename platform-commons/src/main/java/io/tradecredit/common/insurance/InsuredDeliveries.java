package io.tradecredit.common.insurance;

import java.time.LocalDate;
import java.util.Currency;
import java.util.function.Function;

import io.tradecredit.common.money.Money;

/**
 * How much of a buyer's open deliveries in one currency the credit insurance covers: each delivery under the insured
 * limit in force on the day it was made (its invoice's issue date). A limit decision applies to deliveries from its
 * effective date, so a delivery made before a reduction or a cancellation stays covered under the higher limit in
 * force when it was made, and an increase covers deliveries from its day on, not the excess of earlier ones.
 *
 * <p>The deliveries are given oldest first (the caller's order: issue date, then its tie-breaks). Each is covered
 * for the part that fits under the limit of its own day after what the older deliveries still open already take of
 * it: {@code part = min(open, max(0, limit on its day - covered so far))}. Under a limit that never changed this is
 * the open sum capped at the limit, oldest first. A delivery made while the buyer had no limit is covered for 0.
 *
 * <p>Worked example (docs/insurance-claims-service.md, "Insured and uninsured exposure"): 80,000 until 30 June 2026,
 * 50,000 from 1 July; still open A 30,000 issued 10 May, B 40,000 issued 20 June, C 20,000 issued 15 July: A and B
 * are covered whole (70,000 under the 80,000 of their days), C not at all (70,000 already exceed the 50,000 of its
 * day). Kept once in the chassis, so that credit's check and the claims' exposure split and indemnity agree.
 */
public final class InsuredDeliveries {
    private final Function<LocalDate, Money> limitOn;
    private final LocalDate undatedOn;
    private Money covered;

    private InsuredDeliveries(Currency currency, Function<LocalDate, Money> limitOn, LocalDate undatedOn) {
        this.limitOn = limitOn;
        this.undatedOn = undatedOn;
        this.covered = Money.zero(currency);
    }

    /**
     * A walk of deliveries in {@code currency} under {@code limitOn} (the insured limit in force on a day, in that
     * currency; zero when none). A delivery whose day is not known (an invoice from before its issue date was kept)
     * is judged under the limit of {@code undatedOn}, the day the cover is computed: nothing better is known of it.
     */
    public static InsuredDeliveries under(Currency currency, Function<LocalDate, Money> limitOn, LocalDate undatedOn) {
        return new InsuredDeliveries(currency, limitOn, undatedOn);
    }

    /**
     * The covered part of the next delivery, {@code open} delivered on {@code deliveredOn} (null: not known, older
     * than every dated one, so given first), after the older ones given before.
     */
    public Money cover(LocalDate deliveredOn, Money open) {
        Money limit = limitOn.apply(deliveredOn == null ? undatedOn : deliveredOn);
        Money part = open.min(limit.minus(covered).max(Money.zero(open.currency())));
        covered = covered.plus(part);
        return part;
    }

    /** What the deliveries given so far have covered together. */
    public Money covered() {
        return covered;
    }
}
