package io.tradecredit.collections.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tradecredit.common.money.Money;

/**
 * What the read model knows today that a dunning message quotes: the buyer, each invoice, and the
 * messages sent to the buyer before (from the log of steps). Addresses, contact and late-fee
 * figures join here when the read model carries them ({@link DunningRequestData} is the one place
 * that turns these into the request's {@code data}).
 */
public record LetterFacts(UUID buyerId, String buyerName, List<Invoice> invoices, List<PriorMessage> priorMessages) {
    public LetterFacts {
        invoices = List.copyOf(invoices);
        priorMessages = List.copyOf(priorMessages);
    }

    /** An invoice as a letter lists it: item reference = invoice id. */
    public record Invoice(String itemReference, String invoiceNumber, String purchaseOrderNumber, LocalDate dueDate,
            Money open, Money disputed, Money collectible) {
    }

    /** A message a run sent the buyer before: step, template, channels and run date. */
    public record PriorMessage(String stepKey, String templateKey, List<String> channels, LocalDate runDate) {
    }

    public Invoice invoice(String itemReference) {
        return invoices.stream().filter(i -> i.itemReference().equals(itemReference)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invoice " + itemReference + " for the letter"));
    }
}
