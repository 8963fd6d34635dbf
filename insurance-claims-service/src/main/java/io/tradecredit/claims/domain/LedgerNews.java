package io.tradecredit.claims.domain;

import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What an invoice event of the ledger says of one claimed invoice: what is {@code open} of it now, and what the buyer
 * {@code paid} on it by this event (a payment's or buyer credit's allocation; negative for a payment reversed; zero for
 * a credit note, a cancellation or the invoice reported paid, which move no money of the buyer's here). Write-offs and
 * the insurer's own payments are not news for a claim: the loss stays the tenant's and the insurer's, not the buyer's
 * paid debt.
 *
 * @param eventId the invoice event's id, kept in the claim's log
 * @param what the event's name, e.g. {@code payment-received}
 * @param paymentId the ledger's payment (or buyer-credit application) the money came with, so that its reversal takes
 *        back what it brought to a claim; null for news without money of the buyer's
 */
public record LedgerNews(String eventId, String what, UUID invoiceId, Money open, Money paid, UUID paymentId) {

    /** News without a payment: a credit note, a cancellation, the invoice reported paid. */
    public LedgerNews(String eventId, String what, UUID invoiceId, Money open, Money paid) {
        this(eventId, what, invoiceId, open, paid, null);
    }
}
