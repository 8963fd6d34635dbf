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
import io.tradecredit.invoice.domain.BalanceHistory;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.LateChargeTerms;
import io.tradecredit.invoice.domain.LateChargeWaiver;
import io.tradecredit.invoice.persistence.DisputeRepository;
import io.tradecredit.invoice.persistence.PaymentPlanRepository;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.LedgerRepository;
import io.tradecredit.invoice.persistence.WaiverRepository;

/**
 * An invoice's late charges as of a date, and their waivers. The arithmetic is in
 * {@link LateChargePolicy} and {@link LateChargeAccount}.
 */
@ApplicationScoped
public class LateChargeAccounts {
    @Inject
    InvoiceRepository invoices;

    @Inject
    LedgerRepository ledger;

    @Inject
    WaiverRepository waivers;

    @Inject
    DisputeRepository disputes;

    @Inject
    PaymentPlanRepository plans;

    @Inject
    Policies policies;

    @Inject
    Clock clock;

    /** An invoice's charges as of a date, under the terms applied. */
    public record InvoiceLateCharges(Invoice invoice, LateChargeTerms terms, LateChargeAccount account) {
    }

    public Uni<InvoiceLateCharges> asOf(String tenantId, UUID invoiceId, LocalDate asOf) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId)).chain(invoice -> accountOf(invoice, asOf)));
    }

    /**
     * Waives the charges of {@code scope} accrued by today and not yet waived, recording who and
     * why. The invoice is locked, so two waivers at once cannot both give up the same amount.
     */
    public Uni<LateChargeWaiver> waive(String tenantId, UUID invoiceId, LateChargeWaiver.Scope scope, String reason,
            String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> accountOf(invoice, now.toLocalDate()).chain(charges -> {
                    LateChargeWaiver waiver = LateChargeWaiver.waive(invoice, scope, reason, charges.account(),
                            charges.terms().policy(), now, by);
                    return waivers.record(waiver).replaceWith(waiver);
                })));
    }

    public Uni<List<LateChargeWaiver>> waivers(String tenantId, UUID invoiceId) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, invoiceId).map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> waivers.ofInvoices(tenantId, List.of(invoice.id))));
    }

    /** The invoice's charges as of a date, within the caller's session (the daily job's statements). */
    Uni<InvoiceLateCharges> accountOf(Invoice invoice, LocalDate asOf) {
        return policies.termsOf(invoice.tenantId, invoice.buyerId)
                .chain(terms -> ledger.ofInvoice(invoice.tenantId, invoice.id)
                        .chain(entries -> disputes.periodsOf(invoice.tenantId, List.of(invoice.id))
                                .chain(frozen -> plans.periodsOf(invoice.tenantId, List.of(invoice.id))
                                .chain(kept -> waivers.ofInvoices(invoice.tenantId, List.of(invoice.id))
                                .map(ws -> new InvoiceLateCharges(invoice, terms, LateChargeAccount.of(invoice,
                                        BalanceHistory.of(invoice, entries, frozen, kept), terms.policy(), ws,
                                        asOf)))))));
    }
}
