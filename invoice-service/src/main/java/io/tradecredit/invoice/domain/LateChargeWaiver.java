package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * Late charges on an invoice given up (e.g. for a key customer), with who did it, when and why.
 * A waiver gives up charges, not a sum: from {@code waivedOn} on, the late fee, if it waived any
 * (the one-off fee, whatever it comes to later: a fee raised when a dispute over part of the
 * invoice is rejected is the same fee), and the interest accrued through {@code waivedOn}, if it
 * waived any (interest accruing after it is charged again). {@code waived} records the amounts
 * those were on {@code waivedOn}, for the audit trail.
 */
public record LateChargeWaiver(UUID id, String tenantId, UUID invoiceId, UUID buyerId, Scope scope, String reason,
        LateCharges waived, LateChargePolicy policy, LocalDate waivedOn, OffsetDateTime waivedAt, String waivedBy) {

    public enum Scope {
        INTEREST, FEE, ALL;

        /** The part of {@code outstanding} this scope gives up. */
        LateCharges of(LateCharges outstanding) {
            Money noInterest = Money.zero(outstanding.interest().currency());
            return switch (this) {
                case INTEREST -> new LateCharges(outstanding.interest(), noInterest);
                case FEE -> new LateCharges(noInterest, outstanding.fee());
                case ALL -> outstanding;
            };
        }
    }

    /**
     * The waiver of {@code scope} on {@code waivedOn}: what has accrued by then less what earlier
     * waivers already gave up, under the invoice's own terms (recorded with it). Refused (422) when that is
     * nothing.
     */
    public static LateChargeWaiver waive(Invoice invoice, Scope scope, String reason, LateChargeAccount account,
            OffsetDateTime at, String by) {
        LateCharges amounts = scope.of(account.due());
        if (!amounts.total().isPositive()) {
            throw DomainError.unprocessable("late-charge.nothing-to-waive", "Invoice " + invoice.invoiceNumber
                    + " has no " + scope.name().toLowerCase() + " late charges left to waive as of " + account.asOf());
        }
        return new LateChargeWaiver(UUID.randomUUID(), invoice.tenantId, invoice.id, invoice.buyerId, scope, reason,
                amounts, invoice.lateChargeTerms().policy(), account.asOf(), at, by);
    }

    /**
     * What the waivers made on or before {@code asOf} give up of the charges {@code accrued} by then:
     * the whole fee once one of them waived a fee, and the interest accrued through the latest day one
     * of them waived interest ({@code interestThrough}: the invoice's interest accrued through a day).
     * So 0.03 of fee waived on day 35 (only 1 of 10,000 collectible on day 30, the rest disputed) still
     * waives the fee when it becomes 300.00 on the dispute's rejection (until session 32 0.03 stayed
     * waived and 299.97 fell due).
     */
    public static LateCharges waivedAsOf(List<LateChargeWaiver> waivers, LocalDate asOf, LateCharges accrued,
            Function<LocalDate, Money> interestThrough) {
        Money none = Money.zero(accrued.interest().currency());
        boolean feeWaived = false;
        LocalDate interestWaivedThrough = null;
        for (LateChargeWaiver w : waivers) {
            if (w.waivedOn().isAfter(asOf)) {
                continue;
            }
            feeWaived |= w.waived().fee().isPositive();
            if (w.waived().interest().isPositive()
                    && (interestWaivedThrough == null || w.waivedOn().isAfter(interestWaivedThrough))) {
                interestWaivedThrough = w.waivedOn();
            }
        }
        Money interest = interestWaivedThrough == null ? none : interestThrough.apply(interestWaivedThrough);
        return new LateCharges(interest, feeWaived ? accrued.fee() : none).min(accrued);
    }
}
