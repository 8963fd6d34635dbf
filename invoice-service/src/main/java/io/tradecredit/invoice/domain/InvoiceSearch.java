package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Which invoices a list asks for: every criterion left null matches all; days past due are counted
 * as of {@code asOf}. {@code invoiceNumber} is the number exactly as issued (unique per tenant, so
 * it finds at most one invoice).
 */
public record InvoiceSearch(UUID buyerId, InvoiceStatus status, LocalDate dueFrom, LocalDate dueTo, Integer dpdMin,
        Integer dpdMax, LocalDate asOf, String invoiceNumber) {
}
