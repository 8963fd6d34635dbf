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

    /** The payment as the insurer made it: the claim id is its reference. */
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

    /**
     * What of the insurer's payment the ledger posts under {@code plan} ({@link #allocate}): only what the claimed
     * invoices take. The rest is not the buyer's money, so it never becomes the buyer's credit: it is there because the
     * buyer paid claimed invoices after approval, and that payment is a recovery the insurer gets its share of
     * (insurance-claims-service's {@code recovery-shared}; the rest is never more than that share). Worked example:
     * 100,000 claimed, approved at 72,000, the buyer pays 40,000 before the insurer: 60,000 is open, 60,000 of the
     * 72,000 is posted and 12,000 is not (of the 28,800 the tenant owes the insurer out of the buyer's 40,000).
     */
    public Money posted(Allocator.Plan plan) {
        return amount.minus(plan.rest());
    }

    /** The insurer's payment as the ledger records it: {@code posted} of it ({@link #posted}), the claim as reference. */
    public NewPayment newPayment(Money posted) {
        return new NewPayment(buyerId, posted, paidOn, claimId.toString(), null);
    }

    /** Why the rest of a claimed invoice is written off: the insured loss, with the claim it was claimed in. */
    public String writeOffReason() {
        return INSURED_LOSS + ": claim " + claimId + " under policy " + policyNumber + " of " + insurer
                + " fully paid, indemnity " + indemnityPaid;
    }
}
