package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.LedgerRepository;

/** Writes off the open rest of an invoice as bad debt, with a WRITE_OFF ledger entry and an event. */
@ApplicationScoped
public class WriteOffs {
    @Inject
    InvoiceRepository invoices;

    @Inject
    LedgerRepository ledger;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public Uni<Invoice> writeOff(String tenantId, UUID invoiceId, String reason, String by) {
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId)).chain(invoice -> {
                    if (!invoice.status.isOpen() || !invoice.open().isPositive()) {
                        throw DomainError.conflict("write-off.nothing-open", "Invoice " + invoice.invoiceNumber + " is " + invoice.status
                                + " with " + invoice.open() + " open; there is nothing to write off");
                    }
                    LocalDate today = LocalDate.now(clock);
                    Money amount = invoice.writeOff(reason.strip(), today);
                    return ledger.record(LedgerEntry.of(invoice, LedgerEntry.Kind.WRITE_OFF, amount, today, null,
                            invoice.closedReason, OffsetDateTime.now(clock), by))
                            .chain(() -> outbox.record(InvoiceEvents.writtenOff(invoice, amount)))
                            .replaceWith(invoice);
                }));
    }
}
