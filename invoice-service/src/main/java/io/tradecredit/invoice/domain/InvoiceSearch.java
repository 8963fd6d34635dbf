package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which invoices a list asks for: every criterion left null matches all; days past due are counted
 * as of {@code asOf}. {@code invoiceNumber} is the number exactly as issued (unique per tenant, so
 * it finds at most one invoice). {@code receiptConfirmed}: only invoices whose receipt the buyer confirmed (true)
 * or not yet (false), to follow up the requests to confirm it.
 */
public record InvoiceSearch(UUID buyerId, InvoiceStatus status, LocalDate dueFrom, LocalDate dueTo, Integer dpdMin,
        Integer dpdMax, LocalDate asOf, String invoiceNumber, Boolean receiptConfirmed) {

    /** Any confirmation of receipt. */
    public InvoiceSearch(UUID buyerId, InvoiceStatus status, LocalDate dueFrom, LocalDate dueTo, Integer dpdMin,
            Integer dpdMax, LocalDate asOf, String invoiceNumber) {
        this(buyerId, status, dueFrom, dueTo, dpdMin, dpdMax, asOf, invoiceNumber, null);
    }
}
