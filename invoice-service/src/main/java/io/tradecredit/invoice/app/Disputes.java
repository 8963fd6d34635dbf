package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.CreditNote;
import io.tradecredit.invoice.domain.Dispute;
import io.tradecredit.invoice.domain.DisputeStep;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.Party;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.persistence.DisputeRepository;
import io.tradecredit.invoice.persistence.InvoiceRepository;

/**
 * The dispute use cases. Each locks the invoice first, so every change to an invoice and its
 * disputes happens one at a time; the rules are in {@link Dispute}, the credit in {@link CreditNotes}.
 */
@ApplicationScoped
public class Disputes {
    @Inject
    InvoiceRepository invoices;

    @Inject
    DisputeRepository disputes;

    @Inject
    CreditNotes creditNotes;

    @Inject
    LateChargeStatements statements;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** A dispute with its history, oldest step first. */
    public record WithHistory(Dispute dispute, List<DisputeStep> history) {
    }

    public record Opening(Dispute.Type type, Money disputedAmount, String description, List<String> evidence,
            LocalDate raisedOn) {
    }

    public record Resolving(Dispute.Outcome outcome, Money creditedAmount, String rootCause,
            String creditPolicyAdjustment) {
    }

    public Uni<WithHistory> open(String tenantId, UUID invoiceId, Opening o, String by) {
        return Panache.withTransaction(() -> lockInvoice(tenantId, invoiceId).chain(invoice -> {
            OffsetDateTime at = OffsetDateTime.now(clock);
            LocalDate today = businessZone.today();
            LocalDate raisedOn = o.raisedOn() != null ? o.raisedOn() : today;
            Dispute d = Dispute.open(invoice, UUID.randomUUID(), o.type(), o.disputedAmount(), o.description(),
                    o.evidence(), raisedOn, today, at, by);
            DisputeStep registered = d.registeredStep();
            // flushed at once: the history row refers to it
            return disputes.persistAndFlush(d).chain(() -> disputes.addStep(registered))
                    .chain(() -> outbox.record(InvoiceEvents.disputeOpened(invoice, d)))
                    .replaceWith(new WithHistory(d, List.of(registered)));
        }));
    }

    public Uni<WithHistory> assess(String tenantId, UUID invoiceId, UUID disputeId, Dispute.Party party,
            String findings, String by) {
        return step(tenantId, invoiceId, disputeId, (invoice, d) -> d.assess(party, findings, OffsetDateTime.now(clock), by));
    }

    public Uni<WithHistory> note(String tenantId, UUID invoiceId, UUID disputeId, Dispute.Stage stage, String text,
            String by) {
        return step(tenantId, invoiceId, disputeId, (invoice, d) -> d.note(stage, text, OffsetDateTime.now(clock), by));
    }

    /** Resolves the dispute; when something is credited, through the one credit-note path. */
    public Uni<WithHistory> resolve(String tenantId, UUID invoiceId, UUID disputeId, Resolving r, String by) {
        return Panache.withTransaction(() -> lockInvoice(tenantId, invoiceId)
                .chain(invoice -> dispute(tenantId, invoiceId, disputeId).chain(d -> {
                    Dispute.Resolution res = d.resolve(invoice, r.outcome(), r.creditedAmount(), r.rootCause(),
                            r.creditPolicyAdjustment(), businessZone.today(), OffsetDateTime.now(clock), by);
                    Uni<UUID> credit = res.credited().isPositive()
                            ? creditNotes.issueOn(invoice, res.credited(), d.type + " dispute " + d.outcome + ": "
                                    + d.rootCause, d.id, by).map(CreditNote::id)
                            : Uni.createFrom().nullItem();
                    return credit.chain(noteId -> {
                        d.creditedBy(noteId);
                        return disputes.addStep(res.step());
                    }).chain(() -> outbox.record(InvoiceEvents.disputeResolved(invoice, d)))
                            .chain(() -> statements.lookAtOnce(invoice, businessZone.today()))
                            .chain(() -> withHistory(tenantId, d));
                })));
    }

    public Uni<List<WithHistory>> ofInvoice(String tenantId, UUID invoiceId) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, invoiceId).map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> disputes.ofInvoice(tenantId, invoiceId))
                .chain(list -> disputes.stepsOf(tenantId, list.stream().map(d -> d.id).toList())
                        .map(steps -> list.stream().map(d -> new WithHistory(d, steps.getOrDefault(d.id, List.of())))
                                .toList())));
    }

    public Uni<WithHistory> get(String tenantId, UUID invoiceId, UUID disputeId) {
        return Panache.withSession(() -> dispute(tenantId, invoiceId, disputeId).chain(d -> withHistory(tenantId, d)));
    }

    private Uni<WithHistory> step(String tenantId, UUID invoiceId, UUID disputeId,
            BiFunction<Invoice, Dispute, DisputeStep> change) {
        return Panache.withTransaction(() -> lockInvoice(tenantId, invoiceId)
                .chain(invoice -> dispute(tenantId, invoiceId, disputeId).chain(d -> {
                    DisputeStep s = change.apply(invoice, d);
                    return disputes.addStep(s).chain(() -> withHistory(tenantId, d));
                })));
    }

    private Uni<WithHistory> withHistory(String tenantId, Dispute d) {
        return disputes.stepsOf(tenantId, List.of(d.id))
                .map((Map<UUID, List<DisputeStep>> steps) -> new WithHistory(d, steps.getOrDefault(d.id, List.of())));
    }

    private Uni<Invoice> lockInvoice(String tenantId, UUID invoiceId) {
        return invoices.lockOwned(tenantId, invoiceId).map(i -> Invoices.found(i, invoiceId));
    }

    private Uni<Dispute> dispute(String tenantId, UUID invoiceId, UUID disputeId) {
        return disputes.findOwned(tenantId, invoiceId, disputeId).map(d -> {
            if (d == null) {
                throw DomainError.notFound("dispute.not-found", "No dispute " + disputeId + " on invoice " + invoiceId);
            }
            return d;
        });
    }
}
