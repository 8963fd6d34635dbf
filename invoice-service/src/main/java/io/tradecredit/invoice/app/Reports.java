package io.tradecredit.invoice.app;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.money.Money;
import io.tradecredit.invoice.domain.Aging;
import io.tradecredit.invoice.domain.BalanceHistory;
import io.tradecredit.invoice.domain.BuyerStatement;
import io.tradecredit.invoice.domain.CollectionKpis;
import io.tradecredit.invoice.domain.Dso;
import io.tradecredit.invoice.domain.HeldCredit;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.LateChargeAccount;
import io.tradecredit.invoice.domain.LateChargeEntries;
import io.tradecredit.invoice.domain.LateChargeTerms;
import io.tradecredit.invoice.domain.OpenItem;
import io.tradecredit.invoice.persistence.BuyerCreditRepository;
import io.tradecredit.invoice.persistence.DisputeRepository;
import io.tradecredit.invoice.persistence.InvoiceRepository;
import io.tradecredit.invoice.persistence.PaymentPlanRepository;
import io.tradecredit.invoice.persistence.PolicyRepository;
import io.tradecredit.invoice.persistence.ReceivablesRepository;
import io.tradecredit.invoice.persistence.WaiverRepository;

/**
 * Receivables reports as of a date, from invoice totals and the ledger entries effective by
 * then: aging, DSO, collection and bad-debt rates, a buyer's balance and statement. The arithmetic is in
 * {@link Aging}, {@link Dso}, {@link CollectionKpis}, {@link LateChargeAccount} and {@link BuyerStatement}.
 */
@ApplicationScoped
public class Reports {
    @Inject
    ReceivablesRepository receivables;

    @Inject
    BuyerCreditRepository credits;

    @Inject
    InvoiceRepository invoices;

    @Inject
    WaiverRepository waivers;

    @Inject
    DisputeRepository disputes;

    @Inject
    PaymentPlanRepository plans;

    @Inject
    PolicyRepository policyRepository;

    @Inject
    Policies policies;

    @Inject
    Buyers buyers;

    /** DSO per currency that has receivables or sales, with the period it was taken over; of one buyer, or all (null). */
    public record DsoReport(LocalDate asOf, UUID buyerId, int periodDays, List<Dso> currencies) {
    }

    /** Aging of the tenant's receivables, or of one buyer's when {@code buyerId} is given. */
    public Uni<List<Aging.Row>> aging(String tenantId, UUID buyerId, LocalDate asOf) {
        return Panache.withSession(() -> buyers.requireVisible(tenantId, buyerId)
                .chain(() -> receivables.openByDueDate(tenantId, buyerId, asOf)))
                .map(totals -> Aging.ofTotals(totals, asOf));
    }

    /** DSO of the tenant's receivables, or of one buyer's (its receivables over its sales) when {@code buyerId} is given. */
    public Uni<DsoReport> dso(String tenantId, UUID buyerId, LocalDate asOf) {
        return Panache.withSession(() -> buyers.requireVisible(tenantId, buyerId).chain(() -> policyRepository.policyOf(tenantId).chain(policy -> {
            int period = policy.dsoPeriodDays();
            LocalDate from = asOf.minusDays(period);
            return receivables.openByDueDate(tenantId, buyerId, asOf).chain(totals -> receivables
                    .creditSales(tenantId, buyerId, from, asOf).chain(sales -> receivables
                            .creditNotesOnSales(tenantId, buyerId, from, asOf)
                            .map(notes -> new DsoReport(asOf, buyerId, period,
                                    dsoPerCurrency(Aging.ofTotals(totals, asOf), sales, notes, period)))));
        })));
    }

    /** The collection and bad-debt rates per currency over the DSO period, with the period; of one buyer, or all (null). */
    public record CollectionReport(LocalDate asOf, UUID buyerId, int periodDays, List<CollectionKpis> currencies) {
    }

    /**
     * Collection and bad-debt rates of the tenant's receivables, or of one buyer's, over the DSO period up to
     * {@code asOf}: per buyer, the receivables open when it began, the credit sales, the payments and write-offs in
     * it ({@link CollectionKpis}: what a buyer paid beyond all it owed is paid in advance, not collected).
     */
    public Uni<CollectionReport> collection(String tenantId, UUID buyerId, LocalDate asOf) {
        return Panache.withSession(() -> buyers.requireVisible(tenantId, buyerId).chain(() -> policyRepository.policyOf(tenantId).chain(policy -> {
            int period = policy.dsoPeriodDays();
            LocalDate from = asOf.minusDays(period);
            return receivables.collectionTotals(tenantId, buyerId, from, asOf)
                    .map(totals -> new CollectionReport(asOf, buyerId, period,
                            totals.stream().map(t -> CollectionKpis.of(t, period)).toList()));
        })));
    }

    /** A buyer's open invoices in aging buckets per currency, and the credit it held on the date. */
    public record BuyerBalance(List<Aging.Row> aging, HeldCredit credit) {
    }

    /**
     * A buyer's open invoices in aging buckets, with the credit it held on the date (as its statement shows it); 404 for
     * a buyer the tenant does not know ({@link Buyers}).
     */
    public Uni<BuyerBalance> buyerBalance(String tenantId, UUID buyerId, LocalDate asOf) {
        return Panache.withSession(() -> buyers.requireKnown(tenantId, buyerId)
                .chain(() -> receivables.openByDueDate(tenantId, buyerId, asOf))
                .chain(totals -> credits.heldOn(tenantId, buyerId, asOf)
                        .map(held -> new BuyerBalance(Aging.ofTotals(totals, asOf), held))));
    }

    /**
     * A buyer's statement, with the credit it held on the date per currency and the movements of that credit among
     * the period's entries, the late charges of the period as entries ({@link LateChargeEntries}), and each currency's
     * balance on the day before {@code from} (the statement as of that day, by the same rule:
     * {@link BuyerStatement#withOpening}); 404 for a buyer the tenant does not know ({@link Buyers}).
     */
    public Uni<BuyerStatement> statement(String tenantId, UUID buyerId, LocalDate from, LocalDate asOf) {
        LocalDate dayBefore = from.minusDays(1);
        return Panache.withSession(() -> buyers.requireKnown(tenantId, buyerId)
                .chain(() -> policies.termsOf(tenantId, buyerId)).chain(terms -> receivables
                .entriesOfBuyer(tenantId, buyerId, from, asOf)
                .chain(entries -> credits.entriesBetween(tenantId, buyerId, from, asOf)
                        .map(kept -> Stream.concat(entries.stream(), kept.stream()).toList()))
                .chain(entries -> owing(tenantId, buyerId, asOf).chain(now -> owing(tenantId, buyerId, dayBefore)
                        .chain(before -> waivers.ofInvoices(tenantId, Stream.concat(now.lines().stream(),
                                before.lines().stream()).map(l -> l.invoice().id).distinct().toList())
                        .map(ws -> BuyerStatement.of(buyerId, from, asOf, terms, now.lines(), Stream.concat(
                                entries.stream(), LateChargeEntries.between(before.lines(), now.lines(), ws, from, asOf)
                                        .stream()).toList(), now.credit())
                                .withOpening(BuyerStatement.of(buyerId, dayBefore, dayBefore, terms, before.lines(),
                                        List.of(), before.credit()))))))));
    }

    /** The buyer's invoices owing on a date with their late charges, and the credit it held then. */
    private record Owing(List<BuyerStatement.Line> lines, HeldCredit credit) {
    }

    /** What the buyer owed on {@code asOf}: its invoices open or settled late, and the credit it held then. */
    private Uni<Owing> owing(String tenantId, UUID buyerId, LocalDate asOf) {
        return receivables.openItems(tenantId, buyerId, asOf)
                .chain(items -> receivables.settledLate(tenantId, buyerId, asOf)
                        .map(late -> Stream.concat(items.stream().map(OpenItem::invoiceId), late.stream()).toList()))
                .chain(ids -> lines(tenantId, ids, asOf))
                .chain(lines -> credits.heldOn(tenantId, buyerId, asOf).map(held -> new Owing(lines, held)));
    }

    /** The invoices with their late charges as of the date, each under its own terms. */
    private Uni<List<BuyerStatement.Line>> lines(String tenantId, List<UUID> ids, LocalDate asOf) {
        return invoicesByDue(tenantId, ids).chain(owed -> receivables.entriesOf(tenantId, ids, asOf)
                .chain(entries -> disputes.periodsOf(tenantId, ids).chain(frozen -> plans.periodsOf(tenantId, ids)
                        .chain(kept -> waivers.ofInvoices(tenantId, ids).map(ws -> owed.stream()
                        .map(i -> new BuyerStatement.Line(i, LateChargeAccount.of(i,
                                BalanceHistory.of(i, entries, frozen, kept),
                                ws.stream().filter(w -> w.invoiceId().equals(i.id)).toList(), asOf)))
                        .toList())))));
    }

    private Uni<List<Invoice>> invoicesByDue(String tenantId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return invoices.list("tenantId = ?1 and id in ?2 order by dueDate, invoiceNumber", tenantId, ids);
    }

    private static List<Dso> dsoPerCurrency(List<Aging.Row> aging, Map<String, Money> sales, Map<String, Money> notes,
            int period) {
        Map<String, Money> open = aging.stream().collect(Collectors.toMap(Aging.Row::currency, r -> r.total().amount()));
        Set<String> currencies = new TreeSet<>(open.keySet());
        currencies.addAll(sales.keySet());
        List<Dso> result = new ArrayList<>();
        for (String c : currencies) {
            Money zero = Money.zero(c);
            result.add(Dso.of(open.getOrDefault(c, zero), sales.getOrDefault(c, zero), notes.getOrDefault(c, zero),
                    period));
        }
        return result;
    }
}
