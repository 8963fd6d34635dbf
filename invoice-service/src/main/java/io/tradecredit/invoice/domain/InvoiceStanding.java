package io.tradecredit.invoice.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.tradecredit.common.money.Money;

/**
 * Where an invoice stood at the end of a day, from its dated ledger alone: what was paid,
 * credited and written off by then, what was open, disputed and collectible, its status and its
 * days past due. A payment received after the day does not count yet; a reversed payment never
 * counted (its reversal is dated back). The status is derived, not read from the row: an
 * invoice is OVERDUE from the day after its due date even before the daily job has announced
 * it (the job's became-overdue event is the announcement, once; the status is a fact of the date).
 */
public record InvoiceStanding(LocalDate asOf, InvoiceStatus status, Money paid, Money credited, Money writtenOff,
        Money disputed, Money open, Money collectible, int daysPastDue) {

    /** The invoice's standing on {@code asOf}; empty when it was not issued yet. */
    public static Optional<InvoiceStanding> of(Invoice invoice, List<LedgerEntry> entries,
            List<BalanceHistory.DisputePeriod> disputes, LocalDate asOf) {
        if (invoice.issueDate.isAfter(asOf)) {
            return Optional.empty();
        }
        Money zero = Money.zero(invoice.currency());
        Money paid = zero;
        Money credited = zero;
        Money writtenOff = zero;
        for (LedgerEntry e : entries) {
            if (!e.invoiceId().equals(invoice.id) || e.effectiveDate().isAfter(asOf)) {
                continue;
            }
            switch (e.kind()) {
                case PAYMENT, PAYMENT_REVERSAL -> paid = paid.plus(e.amount());
                case CREDIT_NOTE -> credited = credited.plus(e.amount());
                case WRITE_OFF -> writtenOff = writtenOff.plus(e.amount());
            }
        }
        Money open = invoice.total().minus(paid).minus(credited).minus(writtenOff);
        InvoiceStatus status = statusOn(invoice, paid, writtenOff, open, asOf);
        if (!status.isOpen()) {
            return Optional.of(new InvoiceStanding(asOf, status, paid, credited, writtenOff, zero, open, zero, 0));
        }
        Money disputed = BalanceHistory.of(invoice, List.of(), disputes).disputedOn(asOf).min(open);
        return Optional.of(new InvoiceStanding(asOf, status, paid, credited, writtenOff, disputed, open,
                open.minus(disputed), invoice.daysPastDue(asOf)));
    }

    /**
     * What the invoice's row records, on {@code today}: what a change to the invoice answers. Its
     * status is derived as {@link #of} derives it: OPEN past the due date is OVERDUE.
     */
    public static InvoiceStanding ofRow(Invoice invoice, LocalDate today) {
        InvoiceStatus status = invoice.status == InvoiceStatus.OPEN && today.isAfter(invoice.dueDate)
                && invoice.open().isPositive() ? InvoiceStatus.OVERDUE : invoice.status;
        return new InvoiceStanding(today, status, invoice.paid(), invoice.credited(), invoice.writtenOff(),
                invoice.disputed(), invoice.open(), invoice.collectible(),
                status.isOpen() ? invoice.daysPastDue(today) : 0);
    }

    /**
     * Cancelled from its cancellation day (or always, when that day was not kept); with nothing
     * open: written off if any of it was, else paid if any of it was, else credited; with
     * something open: overdue after the due date, else open.
     */
    static InvoiceStatus statusOn(Invoice invoice, Money paid, Money writtenOff, Money open, LocalDate asOf) {
        if (invoice.status == InvoiceStatus.CANCELLED && (invoice.closedOn == null || !invoice.closedOn.isAfter(asOf))) {
            return InvoiceStatus.CANCELLED;
        }
        if (!open.isPositive()) {
            if (writtenOff.isPositive()) {
                return InvoiceStatus.WRITTEN_OFF;
            }
            return paid.isPositive() ? InvoiceStatus.PAID : InvoiceStatus.CREDITED;
        }
        return asOf.isAfter(invoice.dueDate) ? InvoiceStatus.OVERDUE : InvoiceStatus.OPEN;
    }
}
