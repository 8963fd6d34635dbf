package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;

/**
 * Late charges on an invoice given up (e.g. for a key customer), with who did it, when and why.
 * The amounts are what had accrued and was not yet waived on {@code waivedOn}; they stay waived
 * from that date on. Interest accruing after the waiver is charged again.
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

    /** What the waivers made on or before {@code asOf} gave up, together. */
    public static LateCharges waivedAsOf(List<LateChargeWaiver> waivers, LocalDate asOf, Currency currency) {
        LateCharges sum = LateCharges.zero(currency);
        for (LateChargeWaiver w : waivers) {
            if (!w.waivedOn().isAfter(asOf)) {
                sum = sum.plus(w.waived());
            }
        }
        return sum;
    }
}
