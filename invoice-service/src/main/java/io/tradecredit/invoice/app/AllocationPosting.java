package io.tradecredit.invoice.app;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Allocation;
import io.tradecredit.invoice.domain.Allocator;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.invoice.domain.PaidByBuyer;
import io.tradecredit.invoice.domain.PaidInFull;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.AllocationRepository;
import io.tradecredit.invoice.persistence.LedgerRepository;
import io.tradecredit.invoice.persistence.PaymentRepository;

/**
 * Applies an allocation plan inside the caller's transaction: each share goes onto its (locked)
 * invoice, is stored as an {@link Allocation} and as a dated PAYMENT ledger entry. Shared by
 * payments and credit applications so both leave the same trail.
 */
@ApplicationScoped
public class AllocationPosting {
    @Inject
    AllocationRepository allocations;

    @Inject
    LedgerRepository ledger;

    @Inject
    Outbox outbox;

    @Inject
    PaymentRepository payments;

    /** What a plan did: the stored allocations, the same as events tell them, and the invoices now settled. */
    public record Posted(List<Allocation> rows, List<InvoiceEvents.Allocation> told, List<Invoice> settled) {
    }

    public Uni<Posted> post(Allocator.Plan plan, Allocation.Source source, UUID sourceId, LocalDate effective,
            String note, OffsetDateTime at, String by) {
        List<Allocation> rows = new ArrayList<>();
        List<InvoiceEvents.Allocation> told = new ArrayList<>();
        List<Invoice> settled = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (Allocator.Share share : plan.shares()) {
            Invoice invoice = share.invoice();
            if (invoice.allocate(share.amount())) {
                settled.add(invoice);
            }
            rows.add(Allocation.of(source, sourceId, share, at));
            told.add(new InvoiceEvents.Allocation(invoice.id, invoice.invoiceNumber, share.amount(), invoice.open()));
            entries.add(LedgerEntry.of(invoice, LedgerEntry.Kind.PAYMENT, share.amount(), effective, sourceId, note, at,
                    by));
        }
        // Panache refuses to persist an empty list: a payment kept wholly as credit has no rows
        Uni<Void> stored = rows.isEmpty() ? Uni.createFrom().voidItem() : allocations.persist(rows);
        return stored.chain(() -> recordAll(entries))
                .replaceWith(new Posted(rows, told, settled));
    }

    /** The ledger entries, with one statement. */
    public Uni<Void> recordAll(List<LedgerEntry> entries) {
        return ledger.recordAll(entries);
    }

    /**
     * Records {@code event} (the payment, credit application or credit note that settled them) and a {@code paid} event for
     * each invoice it settled, paid on {@code on}, in that order and with one outbox statement (issue 15: a
     * payment's round trips are most of its cost).
     */
    public Uni<Void> announce(OutgoingEvent event, List<Invoice> settled, LocalDate on) {
        return announce(event, settled, PaidInFull.byPayment(on));
    }

    /**
     * The same for the buyer's credit insurer's payment {@code insurerPayment} (a claim's indemnity), effective on
     * {@code on}: each invoice it settled is {@code paid} settled by INSURER with what the insurer's payments and what
     * the buyer's own still standing paid of it ({@link PaidByBuyer}), read from its ledger, so that the buyer's payment
     * behaviour does not count the insurer's money as the buyer's (credit-service).
     */
    public Uni<Void> announceSettledByInsurer(OutgoingEvent event, List<Invoice> settled, LocalDate on,
            UUID insurerPayment) {
        if (settled.isEmpty()) {
            return announce(event, settled, on);
        }
        String tenantId = settled.get(0).tenantId;
        return ledger.ofInvoices(List.of(tenantId), settled.stream().map(i -> i.id).toList())
                .chain(entries -> payments.insurersAmong(tenantId, entries.stream()
                        .filter(e -> e.kind() == LedgerEntry.Kind.PAYMENT).map(LedgerEntry::referenceId)
                        .collect(Collectors.toSet())).map(known -> {
                            Set<UUID> insurers = new HashSet<>(known);
                            insurers.add(insurerPayment);
                            List<OutgoingEvent> events = new ArrayList<>();
                            events.add(event);
                            for (Invoice i : settled) {
                                List<LedgerEntry> ofInvoice = entries.stream().filter(e -> i.id.equals(e.invoiceId()))
                                        .toList();
                                events.add(InvoiceEvents.paid(i, PaidInFull.byInsurer(on),
                                        PaidByBuyer.of(ofInvoice, insurers), PaidByBuyer.insurersPart(ofInvoice, insurers)));
                            }
                            return events;
                        }))
                .chain(events -> outbox.record(events));
    }

    /**
     * The same, the invoices settled as {@code how} says (a credit note's: {@link PaidInFull#byCreditNote}). An invoice
     * part of which the buyer's credit insurer's payment paid (a claim's partial indemnity) before the buyer's payment,
     * credit or a credit note settled it is told with what the insurer's payments and the buyer's own paid of it
     * ({@link PaidByBuyer}), as one the insurer settled is, so that the buyer's payment behaviour does not count the
     * insurer's money as the buyer paying late (it was told PAYMENT alone: 50,000 of the insurer's and 50,000 of the
     * buyer's weighed as 100,000 the buyer paid on its last day). Costs one statement (which insurer's payments are on
     * the settled invoices), and the settled invoices' ledger only when there is one.
     */
    public Uni<Void> announce(OutgoingEvent event, List<Invoice> settled, PaidInFull how) {
        if (settled.isEmpty()) {
            return outbox.record(List.of(event));
        }
        String tenantId = settled.get(0).tenantId;
        List<UUID> ids = settled.stream().map(i -> i.id).toList();
        return payments.insurersOn(tenantId, ids).chain(insurers -> (insurers.isEmpty()
                ? Uni.createFrom().item(List.<LedgerEntry>of())
                : ledger.ofInvoices(List.of(tenantId), ids)).map(entries -> {
                    List<OutgoingEvent> events = new ArrayList<>();
                    events.add(event);
                    for (Invoice i : settled) {
                        List<LedgerEntry> ofInvoice = entries.stream().filter(e -> i.id.equals(e.invoiceId())).toList();
                        Money byInsurer = PaidByBuyer.insurersPart(ofInvoice, insurers);
                        events.add(byInsurer == null ? InvoiceEvents.paid(i, how)
                                : InvoiceEvents.paid(i, how, PaidByBuyer.of(ofInvoice, insurers), byInsurer));
                    }
                    return events;
                })).chain(events -> outbox.record(events));
    }
}
