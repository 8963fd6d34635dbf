package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.invoice.domain.PaidByBuyer;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.LedgerRepository;
import io.tradecredit.invoice.persistence.PaymentRepository;

/** Writes off the open rest of an invoice as bad debt, with a WRITE_OFF ledger entry and an event. */
@ApplicationScoped
public class WriteOffs {
    private static final Logger LOG = Logger.getLogger(WriteOffs.class);
    static final String NOTHING_OPEN = "write-off.nothing-open";

    @Inject
    InvoiceRepository invoices;

    @Inject
    LedgerRepository ledger;

    @Inject
    Outbox outbox;

    @Inject
    PaymentRepository payments;

    @Inject
    PaymentPlans plans;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    public Uni<Invoice> writeOff(String tenantId, UUID invoiceId, String reason, String by) {
        return writeOff(tenantId, invoiceId, reason, by, businessZone.today());
    }

    /**
     * Writes off the open rest as of {@code on}: the day of the decision it follows (the insurer's
     * last indemnity payment), which may be before the day this service books it.
     */
    Uni<Invoice> writeOff(String tenantId, UUID invoiceId, String reason, String by, LocalDate on) {
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId)).chain(invoice -> {
                    if (!invoice.status.isOpen() || !invoice.open().isPositive()) {
                        throw DomainError.conflict(NOTHING_OPEN, "Invoice " + invoice.invoiceNumber + " is " + invoice.status
                                + " with " + invoice.open() + " open; there is nothing to write off");
                    }
                    Money amount = invoice.writeOff(reason.strip(), on);
                    return whoPaid(invoice).chain(paid -> ledger.record(LedgerEntry.of(invoice,
                            LedgerEntry.Kind.WRITE_OFF, amount, on, null, invoice.closedReason,
                            OffsetDateTime.now(clock), by))
                            .chain(() -> outbox.record(InvoiceEvents.writtenOff(invoice, amount, on, paid.byBuyer(),
                                    paid.byInsurer()))))
                            .chain(() -> plans.judgeAfterChangeTo(invoice, businessZone.today()))
                            .replaceWith(invoice);
                }));
    }

    /** What the buyer's payments and what its insurer's still standing paid of an invoice; each null when nothing. */
    record WhoPaid(PaidByBuyer byBuyer, Money byInsurer) {
    }

    /** What the buyer's payments still standing paid of the invoice ({@link PaidByBuyer}), and apart the insurer's. */
    private Uni<WhoPaid> whoPaid(Invoice invoice) {
        return ledger.ofInvoice(invoice.tenantId, invoice.id).chain(entries -> payments.insurersAmong(invoice.tenantId,
                entries.stream().filter(e -> e.kind() == LedgerEntry.Kind.PAYMENT).map(LedgerEntry::referenceId)
                        .collect(Collectors.toSet()))
                .map(insurers -> new WhoPaid(PaidByBuyer.of(entries, insurers),
                        PaidByBuyer.insurersPart(entries, insurers))));
    }

    /**
     * A debt collections-service abandoned (abandonment-confirmed): the invoices it named, and the
     * two collectors who proposed and confirmed it (four eyes), who are the write-off's actors.
     */
    public record Abandonment(UUID caseId, List<UUID> invoiceIds, String proposedBy, String confirmedBy,
            LocalDate confirmedOn) {
        /** The reason on each invoice and its written-off event: why, in which case, decided by whom. */
        public String reason() {
            return "abandoned in collection case " + caseId + ": costs more to collect than it is worth"
                    + " (proposed by " + proposedBy + ", confirmed by " + confirmedBy + " on " + confirmedOn + ")";
        }

        /** The ledger's actor: both people of the four-eyes decision, proposer first. */
        public String by() {
            return proposedBy + "," + confirmedBy;
        }
    }

    /**
     * Writes off each invoice collections abandoned, one after the other, through {@link #writeOff}
     * (so the ledger entry and written-off event are the same as a finance user's). An invoice
     * meanwhile paid, credited or written off, or not the tenant's, is left alone and logged: the
     * decision was about what was still owed. Answers the invoices written off.
     */
    public Uni<List<Invoice>> writeOffAbandoned(String tenantId, Abandonment abandonment) {
        return writeOffAll(tenantId, abandonment.invoiceIds(), abandonment.reason(), abandonment.by(),
                "abandoned case " + abandonment.caseId(), businessZone.today());
    }

    /**
     * Writes off what is still open on each of these invoices, one after the other, through
     * {@link #writeOff}, for a decision taken elsewhere ({@code decision} names it in the log).
     * An invoice meanwhile settled or not the tenant's is left alone and logged. Answers the
     * invoices written off. Each is dated {@code on}, the day of the decision.
     */
    public Uni<List<Invoice>> writeOffAll(String tenantId, List<UUID> invoiceIds, String reason, String by,
            String decision, LocalDate on) {
        return Multi.createFrom().iterable(invoiceIds)
                .onItem().transformToUniAndConcatenate(id -> writeOff(tenantId, id, reason, by, on)
                        .onFailure(WriteOffs::leftAlone).recoverWithItem(failure -> {
                            LOG.infof("%s: invoice %s of tenant %s left alone: %s", decision, id, tenantId,
                                    failure.getMessage());
                            return null;
                        }))
                .filter(Objects::nonNull).collect().asList();
    }

    private static boolean leftAlone(Throwable failure) {
        return failure instanceof DomainError e
                && (NOTHING_OPEN.equals(e.code()) || Invoices.NOT_FOUND.equals(e.code()));
    }
}
