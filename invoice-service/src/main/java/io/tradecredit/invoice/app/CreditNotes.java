package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.CreditMovement;
import io.tradecredit.invoice.domain.CreditNote;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceStatus;
import io.tradecredit.invoice.domain.LedgerEntry;
import io.tradecredit.invoice.domain.PaidInFull;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.BuyerCreditRepository;
import io.tradecredit.invoice.persistence.CreditNoteRepository;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.LedgerRepository;

/**
 * The one way a credit note comes to be, whether asked for directly or because a dispute was
 * upheld: the invoice is credited, the note numbered and stored, a CREDIT_NOTE ledger entry and
 * a credit-note-issued event recorded (and {@code paid} when the note settles a part-paid invoice),
 * all in the caller's transaction.
 */
@ApplicationScoped
public class CreditNotes {
    @Inject
    InvoiceRepository invoices;

    @Inject
    CreditNoteRepository notes;

    @Inject
    LedgerRepository ledger;

    @Inject
    BuyerCreditRepository credits;

    @Inject
    AllocationPosting posting;

    @Inject
    PaymentPlans plans;

    @Inject
    LateChargeStatements statements;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    public Uni<CreditNote> issue(String tenantId, UUID invoiceId, Money amount, String reason, String by) {
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> issueOn(invoice, amount, reason, null, by)
                        .call(() -> statements.lookAtOnce(invoice, businessZone.today()))));
    }

    /**
     * Credits a locked invoice inside the caller's transaction; {@code disputeId} when a dispute
     * caused it. A dispute's credit beyond what is open (the disputed part was paid by explicit
     * allocation) becomes the buyer's credit, so an upheld dispute always gets its credit note.
     */
    public Uni<CreditNote> issueOn(Invoice invoice, Money amount, String reason, UUID disputeId, String by) {
        if (!amount.currency().equals(invoice.currency())) {
            return Uni.createFrom().failure(DomainError.invalidField("credit-note.currency-mismatch", "amount",
                    "must be in the invoice's currency " + invoice.currency));
        }
        boolean openBefore = invoice.status.isOpen();
        Money toBuyerCredit;
        try {
            if (disputeId == null) {
                invoice.credit(amount);
                toBuyerCredit = Money.zero(invoice.currency());
            } else {
                toBuyerCredit = invoice.creditUpheldDispute(amount);
            }
        } catch (DomainError e) {
            return Uni.createFrom().failure(e);
        }
        Money onInvoice = amount.minus(toBuyerCredit);
        // a note that settles what payments left open has the invoice paid, told as a payment settling it is
        List<Invoice> paidOff = openBefore && invoice.status == InvoiceStatus.PAID ? List.of(invoice) : List.of();
        OffsetDateTime at = OffsetDateTime.now(clock);
        LocalDate today = businessZone.today();
        return notes.nextSequence(invoice.tenantId).chain(seq -> {
            CreditNote note = new CreditNote(UUID.randomUUID(), invoice.tenantId, CreditNote.number(seq), invoice.id,
                    invoice.buyerId, disputeId, amount, reason.strip(), today, at, by);
            Uni<Void> onLedger = !onInvoice.isPositive() ? Uni.createFrom().voidItem()
                    : ledger.record(LedgerEntry.of(invoice, LedgerEntry.Kind.CREDIT_NOTE, onInvoice, today,
                            note.id(), note.number() + ": " + note.reason(), at, by));
            return notes.record(note, toBuyerCredit)
                    .chain(() -> onLedger)
                    .chain(() -> toBuyerCredit.isPositive() ? refund(note, toBuyerCredit, today, at, by)
                            : Uni.createFrom().voidItem())
                    // paid late or on time by the buyer's payments, not by the note's date
                    .chain(() -> paidOff.isEmpty() ? Uni.createFrom().<PaidInFull>nullItem()
                            : ledger.ofInvoice(invoice.tenantId, invoice.id).map(e -> PaidInFull.byCreditNote(today, e)))
                    .chain(how -> posting.announce(InvoiceEvents.creditNoteIssued(invoice, note), paidOff, how))
                    .chain(() -> plans.judgeAfterChangeTo(invoice, today))
                    .replaceWith(note);
        });
    }

    /** The part of a credit note the buyer had paid already, kept as the buyer's credit. */
    private Uni<Void> refund(CreditNote note, Money amount, LocalDate today, OffsetDateTime at, String by) {
        return credits.lock(note.tenantId(), note.buyerId(), amount.currency().getCurrencyCode(), at)
                .chain(credit -> {
                    credit.deposit(amount);
                    return credits.save(credit, at).chain(() -> credits.record(new CreditMovement(UUID.randomUUID(),
                            note.tenantId(), note.buyerId(), CreditMovement.Kind.CREDIT_NOTE, amount,
                            credit.balance(), note.id(), today, at, by)));
                });
    }

    public Uni<List<CreditNote>> ofInvoice(String tenantId, UUID invoiceId) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, invoiceId).map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> notes.ofInvoice(tenantId, invoiceId)));
    }
}
