package io.tradecredit.invoice.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * One payment of a claim's indemnity by the buyer's credit insurer (insurance-claims-service's
 * {@code indemnity-paid}): {@code amount} paid now, {@code indemnityPaid} paid so far with it,
 * and whether the claim is now fully paid. The ledger posts it as a payment from the insurer on
 * the claimed invoices and, once the claim is fully paid, writes off what is left of them.
 */
public record IndemnityPayment(UUID claimId, String policyNumber, String insurer, UUID buyerId,
        List<ClaimedInvoice> invoices, Money amount, Money indemnityPaid, boolean fullyPaid, LocalDate paidOn,
        String recordedBy) {
    /** The write-off reason the ledger and the written-off event show for what the insurer did not pay. */
    public static final String INSURED_LOSS = "insured loss";

    /** An invoice the claim names: its number always, its id when the claim knew it. */
    public record ClaimedInvoice(String invoiceNumber, UUID invoiceId) {
    }

    /**
     * The payment's id, the same however often this payment is told: the tenant, the claim and
     * the running total after it name one payment of one claim (each payment raises the total).
     */
    public UUID paymentId(String tenantId) {
        String key = "indemnity:" + tenantId + ":" + claimId + ":" + indemnityPaid.amountText() + " "
                + indemnityPaid.currencyCode();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A payment of 0: the insurer pays nothing (a claim approved at an indemnity of 0), so none is posted. */
    public boolean paysNothing() {
        return amount.isZero();
    }

    /** The payment as the ledger records it: the claim id is its reference. */
    public NewPayment newPayment() {
        return new NewPayment(buyerId, amount, paidOn, claimId.toString(), null);
    }

    /**
     * The indemnity spread over the claimed invoices of this buyer, oldest first, each up to its
     * collectible amount (the claim does not say how the insurer's money divides, and oldest
     * first is how the ledger settles any payment not allocated by its payer). An invoice of
     * another buyer or currency takes nothing; what no claimed invoice can take is the rest.
     */
    public Allocator.Plan allocate(List<Invoice> claimed) {
        return Allocator.oldestFirst(amount, claimed.stream().filter(i -> i.buyerId.equals(buyerId)).toList());
    }

    /** Why the rest of a claimed invoice is written off: the insured loss, with the claim it was claimed in. */
    public String writeOffReason() {
        return INSURED_LOSS + ": claim " + claimId + " under policy " + policyNumber + " of " + insurer
                + " fully paid, indemnity " + indemnityPaid;
    }
}
