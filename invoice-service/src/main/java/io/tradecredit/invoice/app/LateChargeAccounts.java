package io.tradecredit.invoice.app;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.time.BusinessTimeZone;
import io.tradecredit.invoice.domain.BalanceHistory;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.LateChargeTerms;
import io.tradecredit.invoice.domain.LateChargeWaiver;
import io.tradecredit.invoice.domain.LedgerEntry;
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
    LateChargeStatements statements;

    @Inject
    Clock clock;

    @Inject
    BusinessTimeZone businessZone;

    /** An invoice's charges as of a date, under the terms it was issued under. */
    public record InvoiceLateCharges(Invoice invoice, LateChargeTerms terms, LateChargeAccount account) {
    }

    public Uni<InvoiceLateCharges> asOf(String tenantId, UUID invoiceId, LocalDate asOf) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId)).chain(invoice -> accountOf(invoice, asOf)));
    }

    /**
     * Waives the charges of {@code scope} accrued by today and not yet waived, recording who and
     * why. The invoice is locked, so two waivers at once cannot both give up the same amount. The charges it
     * changes are stated at once ({@link LateChargeStatements#lookAtOnce}).
     */
    public Uni<LateChargeWaiver> waive(String tenantId, UUID invoiceId, LateChargeWaiver.Scope scope, String reason,
            String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return Panache.withTransaction(() -> invoices.lockOwned(tenantId, invoiceId)
                .map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> accountOf(invoice, businessZone.dateOf(now)).chain(charges -> {
                    LateChargeWaiver waiver = LateChargeWaiver.waive(invoice, scope, reason, charges.account(), now, by);
                    // the fee (or interest) it gives up is stated at once, not at the daily job's next look
                    return waivers.record(waiver)
                            .call(() -> statements.lookAtOnce(invoice, businessZone.dateOf(now)))
                            .replaceWith(waiver);
                })));
    }

    public Uni<List<LateChargeWaiver>> waivers(String tenantId, UUID invoiceId) {
        return Panache.withSession(() -> invoices.findOwned(tenantId, invoiceId).map(i -> Invoices.found(i, invoiceId))
                .chain(invoice -> waivers.ofInvoices(tenantId, List.of(invoice.id))));
    }

    /** The invoice's charges as of a date, within the caller's session: a batch of one. */
    Uni<InvoiceLateCharges> accountOf(Invoice invoice, LocalDate asOf) {
        return accountsOf(List.of(invoice), asOf).map(all -> all.get(0));
    }

    /**
     * The charges of each of these invoices (of any tenants) as of a date, in their order, within the
     * caller's session, each under the terms it was issued under ({@link Invoice#lateChargeTerms()}, not
     * today's tenant or buyer terms): ledger entries, disputes, plans and waivers are read with one
     * statement each however many invoices (the daily job's batches), then each account is computed
     * in memory.
     */
    Uni<List<InvoiceLateCharges>> accountsOf(List<Invoice> batch, LocalDate asOf) {
        Set<String> tenants = batch.stream().map(i -> i.tenantId).collect(Collectors.toSet());
        List<UUID> ids = batch.stream().map(i -> i.id).toList();
        return ledger.ofInvoices(tenants, ids)
                .chain(entries -> disputes.periodsOf(tenants, ids)
                .chain(frozen -> plans.periodsOf(tenants, ids)
                .chain(kept -> waivers.ofInvoices(tenants, ids)
                .map(ws -> {
                    var entriesOf = entries.stream().collect(Collectors.groupingBy(LedgerEntry::invoiceId));
                    var frozenOf = frozen.stream().collect(Collectors.groupingBy(BalanceHistory.DisputePeriod::invoiceId));
                    var keptOf = kept.stream().collect(Collectors.groupingBy(BalanceHistory.PlanPeriod::invoiceId));
                    var waiversOf = ws.stream().collect(Collectors.groupingBy(LateChargeWaiver::invoiceId));
                    return batch.stream().map(invoice -> {
                        BalanceHistory balance = BalanceHistory.of(invoice, entriesOf.getOrDefault(invoice.id, List.of()),
                                frozenOf.getOrDefault(invoice.id, List.of()), keptOf.getOrDefault(invoice.id, List.of()));
                        return new InvoiceLateCharges(invoice, invoice.lateChargeTerms(), LateChargeAccount.of(invoice,
                                balance, waiversOf.getOrDefault(invoice.id, List.of()), asOf));
                    }).toList();
                }))));
    }
}
