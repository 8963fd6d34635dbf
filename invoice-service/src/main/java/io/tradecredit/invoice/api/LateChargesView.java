package io.tradecredit.invoice.api;

import java.time.LocalDate;
import java.util.UUID;

import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.app.LateChargeAccounts.InvoiceLateCharges;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.LateCharges;

/** An invoice's late charges as of a date: accrued, waived, due, and what the buyer owes in all. */
public record LateChargesView(UUID invoiceId, String invoiceNumber, UUID buyerId, LocalDate dueDate, LocalDate asOf,
        int daysPastDue, LateChargeTermsJson.Applied terms, Money open, Money collectible, Money interest, Money fee,
        Charges waived, Charges due, Money totalDue) {

    /** Interest, fee and their sum. */
    public record Charges(Money interest, Money fee, Money total) {
        static Charges of(LateCharges c) {
            return new Charges(c.interest(), c.fee(), c.total());
        }
    }

    static LateChargesView of(InvoiceLateCharges c) {
        LateChargeAccount a = c.account();
        return new LateChargesView(c.invoice().id, c.invoice().invoiceNumber, c.invoice().buyerId, c.invoice().dueDate,
                a.asOf(), a.daysPastDue(), LateChargeTermsJson.Applied.of(c.terms()), a.open(), a.collectible(),
                a.accrued().interest(), a.accrued().fee(), Charges.of(a.waived()), Charges.of(a.due()), a.totalDue());
    }
}
