package io.tradecredit.collections.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What a dunning letter to one buyer prints besides the ladder's wording (DOMAIN §3, "A dunning
 * letter contains"), from the read model: both parties, and each open invoice with its numbers,
 * amounts and the late charges invoice-service last stated. Any part invoice-service has not
 * published (an invoice issued before its events carried the parties, an invoice with no charges
 * stated) is null: the letter leaves it out rather than inventing it.
 *
 * @param seller the seller as printed on the buyer's most recently issued open invoice that names it
 * @param buyerName the name credit-service registered, else the one on the invoices
 * @param buyerAddress the address on the buyer's most recently issued open invoice that gives one
 * @param priorMessages the messages the daily run sent the buyer before (the prior communication a letter quotes)
 * @param paymentDeadline the final payment date the letter states (the tenant's {@link PaymentDeadline}
 *        from the letter's date); null until the run dates the letter
 */
public record LetterFacts(UUID buyerId, Party seller, String buyerName, String buyerAddress, List<Invoice> invoices,
        List<PriorMessage> priorMessages, LocalDate paymentDeadline) {

    /** The facts of the read model alone, before the run adds the messages sent. */
    public LetterFacts(UUID buyerId, Party seller, String buyerName, String buyerAddress, List<Invoice> invoices) {
        this(buyerId, seller, buyerName, buyerAddress, invoices, List.of(), null);
    }

    /** A message a run sent the buyer before: its step, template, channels and run date. */
    public record PriorMessage(String stepKey, String templateKey, List<String> channels, LocalDate runDate) {
    }

    /** The seller as its invoices print it, with the account the buyer pays into. */
    public record Party(String name, String address, String taxId, String bankAccount) {
    }

    /** One open invoice; {@code lateCharges} null while invoice-service has stated none. */
    public record Invoice(UUID invoiceId, String invoiceNumber, String purchaseOrderNumber, LocalDate issueDate,
            LocalDate dueDate, Money open, Money collectible, LateCharges lateCharges) {
    }

    /**
     * Late charges as invoice-service stated them on {@code asOf} (interest to date and fee, less
     * waivers), with the terms that produced them; {@code legalBasis} null when its policy has none.
     */
    public record LateCharges(LocalDate asOf, Money interest, Money fee, Money total, BigDecimal dailyRate,
            int feeAfterDays, BigDecimal feeRate, String legalBasis) {
    }

    public LetterFacts {
        invoices = List.copyOf(invoices);
        priorMessages = List.copyOf(priorMessages);
    }

    /** These facts with the messages sent before. */
    public LetterFacts withPriorMessages(List<PriorMessage> sent) {
        return new LetterFacts(buyerId, seller, buyerName, buyerAddress, invoices, sent, paymentDeadline);
    }

    /** These facts with the final payment date the letter states. */
    public LetterFacts withPaymentDeadline(LocalDate deadline) {
        return new LetterFacts(buyerId, seller, buyerName, buyerAddress, invoices, priorMessages, deadline);
    }

    /** The open invoice {@code invoiceId}; refused when the letter does not list it. */
    public Invoice invoice(UUID invoiceId) {
        return invoices.stream().filter(i -> i.invoiceId().equals(invoiceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the letter lists no invoice " + invoiceId));
    }
}
