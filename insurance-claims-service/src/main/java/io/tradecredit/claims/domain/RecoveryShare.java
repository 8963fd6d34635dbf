package io.tradecredit.claims.domain;

import java.math.RoundingMode;

import io.tradecredit.common.money.Money;

/**
 * How money recovered from the buyer after indemnification is shared (docs/domain.md §4): in the
 * proportion the loss was borne, the insurer's part being indemnity paid ÷ unpaid amount of the claim.
 * With 100,000 unpaid and 72,000 indemnity paid, a recovery of 10,000 gives 7,200 to the insurer and
 * 2,800 to the tenant.
 *
 * <p>Several recoveries are shared as one running total: the insurer's total is
 * {@code recoveredTotal × indemnityPaid ÷ unpaid}, rounded HALF_UP to the minor unit once, and never more
 * than the indemnity it paid (a recovery beyond the whole loss, with interest or costs, is the
 * tenant's); this recovery's part is that total minus what the insurer already had, so the cents of
 * successive recoveries never drift. The tenant gets the rest of each recovery.
 *
 * <p>A negative recovery undoes (part of) earlier ones: the buyer's payment shared from the ledger bounced. The running
 * total goes down and the insurer's part is that total's share minus what it had, so it gives back what it was given
 * (10,000 shared 7,200 / 2,800 and reversed: -7,200 and -2,800), never more than the recovery itself.
 *
 * @param toInsurer what the tenant owes the insurer out of this recovery
 */
public record RecoveryShare(Money recovery, Money toInsurer, Money toTenant, Money recoveredTotal, Money toInsurerTotal) {

    /**
     * Shares {@code recovery} on a claim of {@code unpaid} on which the insurer paid {@code indemnityPaid},
     * after {@code recoveredBefore} was recovered of which {@code toInsurerBefore} went to the insurer.
     */
    public static RecoveryShare of(Money recovery, Money unpaid, Money indemnityPaid, Money recoveredBefore,
            Money toInsurerBefore) {
        Money total = recoveredBefore.plus(recovery);
        int scale = Money.scaleOf(unpaid.currency());
        Money proportional = new Money(total.amount().multiply(indemnityPaid.amount())
                .divide(unpaid.amount(), scale, RoundingMode.HALF_UP), unpaid.currency());
        Money insurerTotal = proportional.min(indemnityPaid);
        Money change = insurerTotal.minus(toInsurerBefore);
        Money zero = Money.zero(unpaid.currency());
        Money toInsurer = recovery.isNegative() ? change.min(zero).max(recovery) : change.max(zero);
        return new RecoveryShare(recovery, toInsurer, recovery.minus(toInsurer), total, toInsurerBefore.plus(toInsurer));
    }
}
