package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.domain.DomainError;
import io.tradecredit.common.domain.Violation;
import io.tradecredit.common.events.Outbox;
import io.tradecredit.common.events.OutgoingEvent;
import io.tradecredit.common.persistence.Constraints;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.AgreedTerms;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceDraft;
import io.tradecredit.invoice.domain.InvoiceRules;
import io.tradecredit.invoice.domain.InvoiceSearch;
import io.tradecredit.invoice.domain.InvoiceStanding;
import io.tradecredit.invoice.domain.LateChargeTerms;
import io.tradecredit.invoice.events.InvoiceEvents;
import io.tradecredit.invoice.domain.InvoicingPolicy;
import io.tradecredit.invoice.persistence.BuyerRepository;
import io.tradecredit.invoice.persistence.DisputeRepository;
import io.tradecredit.invoice.persistence.InvoiceBatchRepository;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.PolicyRepository;
import io.tradecredit.invoice.persistence.PolicyRepository.TenantBuyer;
import io.tradecredit.invoice.persistence.ReceivablesRepository;

/**
 * The invoice use cases: each runs in one transaction that changes the ledger and records the
 * event in the outbox. The rules themselves are in {@link Invoice} and {@link InvoiceRules}.
 */
@ApplicationScoped
public class Invoices {
    public static final int MAX_BATCH = 1000;
    static final String NOT_FOUND = "invoice.not-found";

    @Inject
    InvoiceRepository invoices;

    @Inject
    Buyers knownBuyers;

    @Inject
    InvoiceBatchRepository batches;

    @Inject
    ReceivablesRepository receivables;

    @Inject
    DisputeRepository disputes;

    @Inject
    PolicyRepository policies;

    @Inject
    BuyerRepository buyers;

    @Inject
    Policies policyOfBuyers;

    @Inject
    Outbox outbox;

    @Inject
    PaymentPlans plans;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** The outcome of one item of a batch: created, or refused. */
    public record BatchItem(int index, Invoice invoice, DomainError refusal) {
    }

    /**
     * One invoice: the batch path with one item, so there is one way an invoice is written, and one
     * refusal names the body's gaps and what the tenant's policy refuses (the issue date) together. A
     * refusal is the request's failure here.
     */
    public Uni<Invoice> issue(String tenantId, InvoiceDraft draft) {
        return issueBatch(tenantId, List.of(draft)).map(items -> {
            if (items.get(0).invoice() == null) {
                throw items.get(0).refusal();
            }
            return items.get(0).invoice();
        }).onFailure(Invoices::isDuplicateNumber).transform(e -> duplicate(draft.invoiceNumber()));
    }

    /**
     * Issues up to {@value #MAX_BATCH} invoices in one transaction (the current one, so an
     * idempotency record can share it); each item is validated on its own and refused items do
     * not stop the others. The invoices and their events are written with one statement each (ADR 0005).
     */
    public Uni<List<BatchItem>> issueBatch(String tenantId, List<InvoiceDraft> drafts) {
        if (drafts.size() > MAX_BATCH) {
            return Uni.createFrom().failure(DomainError.invalidField("invoice.batch-too-large", "invoices",
                    "at most " + MAX_BATCH + " invoices per batch, got " + drafts.size()));
        }
        return CurrentTransaction.run(() -> policies.policyOf(tenantId).chain(policy -> {
            List<BatchItem> results = new ArrayList<>(drafts.size());
            List<Integer> valid = new ArrayList<>();
            LocalDate today = businessZone.today();
            for (int i = 0; i < drafts.size(); i++) {
                InvoiceDraft d = drafts.get(i);
                List<Violation> errors = d == null ? List.of(new Violation("invoices[" + i + "]", "is empty"))
                        : InvoiceRules.violations(d, policy, today);
                results.add(errors.isEmpty() ? null : new BatchItem(i, null, incomplete(errors)));
                if (errors.isEmpty()) {
                    valid.add(i);
                }
            }
            Set<Integer> beyondTerms = new HashSet<>();
            return refuseUnknownBuyers(tenantId, policy, drafts, valid, results)
                    .chain(() -> holdToAgreedTerms(tenantId, policy, drafts, valid, results, beyondTerms))
                    .chain(() -> lateChargeTermsOf(tenantId, policy, drafts, valid))
                    .chain(terms -> issueValid(tenantId, policy, terms, drafts, valid, results, beyondTerms));
        })).onFailure(Invoices::isDuplicateNumber).transform(e -> DomainError.conflict("invoice.number-taken",
                "Another request issued one of these invoice numbers at the same time; nothing of this batch"
                        + " was issued. Send it again to see which numbers are taken."));
    }

    /**
     * Under a policy that refuses unknown buyers, refuses the valid items whose buyer credit-service
     * has not registered (and drops them from {@code valid}); under the default, nothing is read.
     */
    private Uni<Void> refuseUnknownBuyers(String tenantId, InvoicingPolicy policy, List<InvoiceDraft> drafts,
            List<Integer> valid, List<BatchItem> results) {
        if (policy.unknownBuyers() == InvoicingPolicy.UnknownBuyers.ACCEPT || valid.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return buyers.registeredOf(tenantId, valid.stream().map(i -> drafts.get(i).buyerId()).toList())
                .invoke(registered -> valid.removeIf(i -> {
                    UUID buyerId = drafts.get(i).buyerId();
                    var refusal = InvoiceRules.buyerRefusal(buyerId, registered.contains(buyerId), policy);
                    refusal.ifPresent(r -> results.set(i, new BatchItem(i, null, r)));
                    return refusal.isPresent();
                })).replaceWithVoid();
    }

    /**
     * Holds the valid items to the terms credit-service agreed with their buyers (domain.AgreedTerms; a buyer's
     * first invoice, here or earlier in the batch, to its first-order term): one due later is refused (and dropped
     * from {@code valid}) under {@code beyondAgreedTerms: REFUSE}, else its index goes into {@code beyondTerms} to be
     * flagged. Buyers whose terms are not known here are not checked.
     */
    private Uni<Void> holdToAgreedTerms(String tenantId, InvoicingPolicy policy, List<InvoiceDraft> drafts,
            List<Integer> valid, List<BatchItem> results, Set<Integer> beyondTerms) {
        if (valid.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<UUID> buyerIds = new HashSet<>();
        valid.forEach(i -> buyerIds.add(drafts.get(i).buyerId()));
        return buyers.termsOf(tenantId, buyerIds).chain(terms -> terms.isEmpty() ? Uni.createFrom().voidItem()
                : buyers.invoicedBefore(tenantId, terms.keySet()).invoke(invoiced -> {
                    Set<UUID> seen = new HashSet<>(invoiced);
                    valid.removeIf(i -> {
                        InvoiceDraft d = drafts.get(i);
                        boolean first = seen.add(d.buyerId());
                        var beyond = terms.getOrDefault(d.buyerId(), AgreedTerms.UNKNOWN)
                                .beyond(d.issueDate(), d.dueDate(), first);
                        if (beyond.isEmpty()) {
                            return false;
                        }
                        var refusal = InvoiceRules.termsRefusal(d.buyerId(), beyond.get(), policy);
                        if (refusal.isPresent()) {
                            if (first) {
                                seen.remove(d.buyerId()); // refused: the buyer's next invoice is still its first
                            }
                            results.set(i, new BatchItem(i, null, refusal.get()));
                            return true;
                        }
                        beyondTerms.add(i);
                        return false;
                    });
                }).replaceWithVoid());
    }

    /**
     * The late-charge terms that apply today to the buyers of the valid items (their own, else the tenant's): each
     * invoice is issued under its buyer's and keeps them, whatever is agreed later.
     */
    private Uni<Map<TenantBuyer, LateChargeTerms>> lateChargeTermsOf(String tenantId, InvoicingPolicy policy,
            List<InvoiceDraft> drafts, List<Integer> valid) {
        List<TenantBuyer> buyersOfValid = valid.stream().map(i -> new TenantBuyer(tenantId, drafts.get(i).buyerId()))
                .distinct().toList();
        return policyOfBuyers.termsOf(buyersOfValid, Map.of(tenantId, policy));
    }

    /** Issues the valid items whose numbers are free, each under its buyer's {@code terms}, in the current transaction. */
    private Uni<List<BatchItem>> issueValid(String tenantId, InvoicingPolicy policy,
            Map<TenantBuyer, LateChargeTerms> terms, List<InvoiceDraft> drafts, List<Integer> valid,
            List<BatchItem> results, Set<Integer> beyondTerms) {
        List<String> numbers = valid.stream().map(i -> drafts.get(i).invoiceNumber().strip()).toList();
        return batches.existingNumbers(tenantId, numbers).chain(existing -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Set<String> taken = new HashSet<>(existing);
            List<Invoice> issued = new ArrayList<>();
            for (int i : valid) {
                InvoiceDraft d = drafts.get(i);
                if (!taken.add(d.invoiceNumber().strip())) {
                    results.set(i, new BatchItem(i, null, duplicate(d.invoiceNumber())));
                    continue;
                }
                Invoice invoice = Invoice.issue(tenantId, UUID.randomUUID(), d, policy,
                        terms.get(new TenantBuyer(tenantId, d.buyerId())), now);
                invoice.beyondAgreedTerms = beyondTerms.contains(i);
                issued.add(invoice);
                results.set(i, new BatchItem(i, invoice, null));
            }
            List<OutgoingEvent> events = new ArrayList<>(issued.size() * 2);
            issued.forEach(invoice -> events.add(InvoiceEvents.issued(invoice)));
            if (policy.askForReceipt() && !issued.isEmpty()) {
                events.addAll(InvoiceEvents.receiptRequests(issued));
            }
            return batches.insertIssued(issued).chain(() -> outbox.record(events))
                    .replaceWith(results);
        });
    }

    /** An invoice and where it stood at the end of a day, from its dated ledger. */
    public record AsOf(Invoice invoice, InvoiceStanding standing) {
    }

    /** The invoice as it stood on {@code asOf}; 404 when it was issued later (it did not exist yet). */
    public Uni<AsOf> get(String tenantId, UUID id, LocalDate asOf) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, id).map(i -> found(i, id))
                .chain(invoice -> standings(tenantId, List.of(invoice), asOf)).map(found -> found.get(0)));
    }

    /** One page of the invoices matching the criteria as they stood on {@code criteria.asOf()}. */
    public Uni<io.tradecredit.common.api.Page<AsOf>> search(String tenantId, InvoiceSearch criteria, int page,
            int size) {
        return Panache.withSession(() -> knownBuyers.requireVisible(tenantId, criteria.buyerId())
                .chain(() -> invoices.search(tenantId, criteria, page, size))
                .chain(found -> standings(tenantId, found.items(), criteria.asOf())
                        .map(items -> new io.tradecredit.common.api.Page<>(items, page, size, found.total()))));
    }

    private Uni<List<AsOf>> standings(String tenantId, List<Invoice> found, LocalDate asOf) {
        List<UUID> ids = found.stream().map(i -> i.id).toList();
        return receivables.entriesOf(tenantId, ids, asOf).chain(entries -> disputes.periodsOf(tenantId, ids)
                .map(periods -> found.stream().map(i -> new AsOf(i, InvoiceStanding.of(i, entries, periods, asOf)
                        .orElseThrow(() -> DomainError.notFound("invoice.not-yet-issued", "Invoice " + i.invoiceNumber
                                + " was issued on " + i.issueDate + ", after " + asOf + ": it did not exist then"))))
                        .toList()));
    }

    public Uni<Invoice> cancel(String tenantId, UUID id, String reason) {
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, id).map(i -> found(i, id)).chain(invoice -> {
            invoice.cancel(reason, businessZone.today());
            return outbox.record(InvoiceEvents.cancelled(invoice))
                    .chain(() -> plans.judgeAfterChangeTo(invoice, businessZone.today())).replaceWith(invoice);
        }));
    }

    public Uni<Invoice> confirmReceipt(String tenantId, UUID id, String confirmedBy, OffsetDateTime confirmedAt) {
        OffsetDateTime at = confirmedAt != null ? confirmedAt : OffsetDateTime.now(clock);
        if (at.isAfter(OffsetDateTime.now(clock).plusMinutes(5))) {
            return Uni.createFrom().failure(DomainError.invalidField("invoice.receipt-in-future", "confirmedAt", "must not be in the future"));
        }
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, id).map(i -> found(i, id)).chain(invoice -> {
            invoice.confirmReceipt(confirmedBy, at);
            return outbox.record(InvoiceEvents.receiptConfirmed(invoice)).replaceWith(invoice);
        }));
    }

    /**
     * One batch of the daily job, in its transaction: up to {@code limit} open invoices (of every
     * tenant) due before {@code asOf} become overdue, each announced once. Every invoice it selects
     * leaves the selection, so the next batch takes the next ones. Returns how many; 0 when none is
     * left.
     */
    public Uni<Integer> markOverdue(LocalDate asOf, int limit) {
        return invoices.dueBefore(asOf, limit).chain(due -> {
            for (Invoice invoice : due) {
                if (!invoice.markOverdue(asOf)) {
                    // the selection is the rule's; a row it refuses would be selected again and again
                    throw new IllegalStateException("invoice " + invoice.id + " was selected to become overdue as of "
                            + asOf + " but is " + invoice.status + " with " + invoice.open() + " open");
                }
            }
            return outbox.record(due.stream().map(i -> InvoiceEvents.becameOverdue(i, asOf)).toList())
                    .replaceWith(due.size());
        });
    }

    static Invoice found(Invoice invoice, UUID id) {
        if (invoice == null) {
            throw DomainError.notFound(NOT_FOUND, "No invoice " + id);
        }
        return invoice;
    }

    static boolean isDuplicateNumber(Throwable failure) {
        return Constraints.uniqueViolated(failure, "invoice_number_unique");
    }

    private static DomainError incomplete(List<Violation> errors) {
        return DomainError.invalid("invoice.incomplete", "The invoice is incomplete or inconsistent", errors);
    }

    private static DomainError duplicate(String number) {
        return DomainError.conflict("invoice.number-taken", "Invoice number " + number + " already exists for this tenant.");
    }
}
