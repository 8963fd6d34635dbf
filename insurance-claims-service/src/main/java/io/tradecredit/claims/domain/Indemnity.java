package io.tradecredit.claims.domain;

import java.math.BigDecimal;

import io.tradecredit.common.money.Money;

/**
 * What the insurer pays on a claim (docs/domain.md §4): the insured loss is the unpaid insured
 * receivables, capped by the buyer's insured limit, minus the deductible; the indemnity is the insured
 * loss times the insured percentage. The tenant bears the rest of what is unpaid.
 *
 * <p>Rounding: the indemnity is rounded once, HALF_UP to the currency's minor unit (a half cent or
 * more goes to the tenant as indemnity, so the insurer pays it); what the tenant bears is the unpaid
 * amount minus that indemnity, so the two always add up to the unpaid amount to the cent.
 *
 * @param unpaid the claim's unpaid receivables delivered under cover, not cut to the limit (the tenant bears what is above it)
 * @param insuredLimit the buyer's insured limit on the day the claim was opened
 * @param cappedLoss the unpaid amount up to what the insured limits cover of it (each invoice under the limit in force
 *        on its issue day; less what the split loss's other parts took), which after a reduction may exceed insuredLimit
 * @param deductible the part of the capped loss the tenant keeps under the policy's deductible
 * @param insuredLoss capped loss minus deductible
 */
public record Indemnity(Money unpaid, Money insuredLimit, Money cappedLoss, Money deductible, Money insuredLoss,
        BigDecimal insuredPercent, Money indemnity, Money tenantBears) {

    /**
     * The indemnity on {@code unpaid} insured receivables under an {@code insuredLimit}, the policy's
     * {@code deductible} and {@code insuredPercent}. {@code deductibleBorne} is what the tenant already kept of
     * the deductible elsewhere, so that it keeps only the rest: for an annual first loss, what earlier claims of
     * the same policy year kept; for a per-claim deductible, what the other parts of the same split loss kept
     * ({@link Claim.Part}: one loss, one deductible), zero for a claim of its own.
     */
    public static Indemnity of(Money unpaid, Money insuredLimit, Deductible deductible, Money deductibleBorne,
            BigDecimal insuredPercent) {
        return of(unpaid, insuredLimit, Money.zero(unpaid.currency()), deductible, deductibleBorne, insuredPercent);
    }

    /**
     * As {@link #of(Money, Money, Deductible, Money, BigDecimal)} for a part of a split loss ({@link Claim.Part}):
     * {@code limitTaken} is what the approved other parts of the same loss already capped under the limit, so that
     * the parts together are capped once by the limit (one loss, one limit), as their deductible is kept once.
     */
    public static Indemnity of(Money unpaid, Money insuredLimit, Money limitTaken, Deductible deductible,
            Money deductibleBorne, BigDecimal insuredPercent) {
        return of(unpaid, insuredLimit, insuredLimit, limitTaken, deductible, deductibleBorne, insuredPercent);
    }

    /**
     * As {@link #of(Money, Money, Money, Deductible, Money, BigDecimal)} with the loss capped by {@code covered}, what
     * the limits in force on the loss's invoices' issue days cover of them ({@link InsuredExposure#cover}: a limit
     * reduced or cancelled after the deliveries leaves them covered), rather than by {@code insuredLimit}, the limit of
     * the claim's day, which it only reports.
     */
    public static Indemnity of(Money unpaid, Money insuredLimit, Money covered, Money limitTaken, Deductible deductible,
            Money deductibleBorne, BigDecimal insuredPercent) {
        Money zero = Money.zero(unpaid.currency());
        Money capped = unpaid.min(covered.minus(limitTaken).max(zero));
        Money kept = switch (deductible.kind()) {
            case NONE -> zero;
            case PER_CLAIM, ANNUAL_FIRST_LOSS -> deductible.amount().minus(deductibleBorne).max(zero);
        };
        kept = kept.min(capped);
        Money insuredLoss = capped.minus(kept);
        Money indemnity = insuredLoss.times(insuredPercent.movePointLeft(2));
        return new Indemnity(unpaid, insuredLimit, capped, kept, insuredLoss, insuredPercent, indemnity,
                unpaid.minus(indemnity));
    }
}
