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
 */
public record LetterFacts(UUID buyerId, Party seller, String buyerName, String buyerAddress, List<Invoice> invoices) {

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
    }
}
