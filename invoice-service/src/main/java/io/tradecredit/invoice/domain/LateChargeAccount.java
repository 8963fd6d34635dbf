package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.List;

import io.tradecredit.common.money.Money;

/**
 * Where an invoice's late charges stand on a date: what accrued, what was waived by then, what
 * is due, beside the open amount. A waiver gives up the fee and the interest through its day as
 * they are computed now ({@link LateChargeWaiver#waivedAsOf}), so a fee raised later stays waived
 * and a backdated payment lowers what was waived with what accrued.
 */
public record LateChargeAccount(LocalDate asOf, int daysPastDue, Money open, Money collectible, LateCharges accrued,
        LateCharges waived) {

    /** The account under the invoice's own terms, those it was issued under ({@link Invoice#lateChargeTerms()}). */
    public static LateChargeAccount of(Invoice invoice, BalanceHistory balance, List<LateChargeWaiver> waivers,
            LocalDate asOf) {
        if (!owedOn(invoice, asOf)) {
            Money none = Money.zero(invoice.currency());
            return new LateChargeAccount(asOf, 0, none, none, LateCharges.zero(invoice.currency()),
                    LateCharges.zero(invoice.currency()));
        }
        Money open = balance.openOn(asOf);
        LateChargePolicy terms = invoice.lateChargeTerms().policy();
        LateCharges accrued = terms.chargesOn(balance, invoice.dueDate, asOf);
        LateCharges waived = LateChargeWaiver.waivedAsOf(waivers, asOf, accrued,
                day -> terms.chargesOn(balance, invoice.dueDate, day).interest());
        int dpd = open.isPositive() ? invoice.daysPastDue(asOf) : 0;
        return new LateChargeAccount(asOf, dpd, open, balance.collectibleOn(asOf), accrued, waived);
    }

    /**
     * Whether the invoice was owed on {@code asOf}: issued by then and not withdrawn. A cancelled
     * invoice owes nothing, late charges included, from its cancellation on.
     */
    public static boolean owedOn(Invoice invoice, LocalDate asOf) {
        boolean cancelled = invoice.status == InvoiceStatus.CANCELLED && invoice.closedOn != null
                && !invoice.closedOn.isAfter(asOf);
        return !invoice.issueDate.isAfter(asOf) && !cancelled;
    }

    /** Charges accrued and not waived. */
    public LateCharges due() {
        return accrued.minus(waived);
    }

    /** The open amount plus the late charges due. */
    public Money totalDue() {
        return open.plus(due().total());
    }
}
