package io.tradecredit.collections.app;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.tradecredit.collections.domain.BuyerStanding;
import io.tradecredit.collections.domain.DunningItem;
import io.tradecredit.collections.persistence.AgencyPlacementRepository;
import io.tradecredit.collections.persistence.OpenInvoiceRow;
import io.tradecredit.collections.persistence.ReadModelRepository;
import io.tradecredit.common.money.Money;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.common.time.BusinessTimeZone;

/**
 * A buyer's open invoices from the read model, as the daily run's domain rules take them: one
 * {@link DunningItem} per open invoice and the buyer's {@link BuyerStanding} on today's date.
 * Holds and steps already taken are not in the read model yet (the run's slice adds them), so
 * every item has none here.
 */
@ApplicationScoped
public class OpenItems {

    /**
     * What {@code StepDecision.decide} takes for each of a buyer's items, and what the buyer owes
     * overdue, disputed parts included ({@link BuyerStanding#owedOverdue}), which a case's closing
     * is judged on. An invoice an agency's settlement ended is an item {@link DunningItem#settledByAgency()}.
     */
    public record OfBuyer(BuyerStanding standing, List<DunningItem> items, List<Money> owedOverdue) {
    }

    @Inject
    ReadModelRepository invoices;

    @Inject
    BusinessTimeZone businessZone;

    @Inject
    AgencyPlacementRepository placements;

    public Uni<OfBuyer> openItemsOf(String tenantId, UUID buyerId) {
        return openItemsOf(tenantId, buyerId, businessZone.today());
    }

    /**
     * The buyer's open items and its standing on {@code asOf}: the items past their due date on that
     * day count as overdue, with the amounts the read model holds now (it keeps no history).
     */
    public Uni<OfBuyer> openItemsOf(String tenantId, UUID buyerId, LocalDate asOf) {
        return CurrentTransaction.run(() -> invoices.openOf(tenantId, buyerId).chain(rows -> placements.settledAmong(
                tenantId, rows.stream().map(r -> r.invoiceId).toList()).map(settled -> {
                    // what an agency's settlement left is for a collector to write off: owed, not overdue for a case
                    List<DunningItem> items = rows.stream().map(r -> settled.contains(r.invoiceId)
                            ? item(r).settledByTheAgency() : item(r)).toList();
                    return new OfBuyer(BuyerStanding.of(items, null, asOf), items,
                            BuyerStanding.owedOverdue(items, asOf));
                })));
    }

    /**
     * The currencies of the case of a buyer handed over on {@code handedOn}: of its invoices open now or settled since that
     * day (an agency's report of a payment comes after the ledger may have closed the invoice).
     */
    public Uni<Set<java.util.Currency>> caseCurrencies(String tenantId, UUID buyerId, LocalDate handedOn) {
        return CurrentTransaction.run(() -> invoices.currenciesOf(tenantId, buyerId, businessZone.startOf(handedOn)))
                .map(codes -> codes.stream().map(c -> Money.currencyOf(c.trim())).collect(java.util.stream.Collectors.toSet()));
    }

    /** An overdue invoice with the part still collectible on it (open less disputed). */
    public record Overdue(UUID invoiceId, String invoiceNumber, Money collectible) {
    }

    /** The buyer's invoices overdue today with something collectible on them, oldest first. */
    public Uni<List<Overdue>> overdueInvoicesOf(String tenantId, UUID buyerId) {
        LocalDate today = businessZone.today();
        return CurrentTransaction.run(() -> invoices.openOf(tenantId, buyerId)).map(rows -> rows.stream()
                .filter(r -> item(r).isOverdueOn(today) && item(r).collectible().isPositive())
                .map(r -> new Overdue(r.invoiceId, r.invoiceNumber, item(r).collectible())).toList());
    }

    /**
     * The buyer's overdue invoices with something collectible, oldest first, without those an agency's settlement ended
     * (recorded in any case of the tenant): what a case of the buyer other than the settled one is about. What the
     * settlement left belongs to its own write-off proposal ({@link Abandonments#proposeSettled}).
     */
    public Uni<List<Overdue>> overdueUnsettledOf(String tenantId, UUID buyerId) {
        return overdueInvoicesOf(tenantId, buyerId).chain(all -> CurrentTransaction.run(() -> placements.settledAmong(
                tenantId, all.stream().map(Overdue::invoiceId).toList())).map(settled -> all.stream()
                        .filter(i -> !settled.contains(i.invoiceId())).toList()));
    }

    /** The invoice as an item: a plan still being kept covers it (KEPT_PLAN); a broken one does not. */
    static DunningItem item(OpenInvoiceRow row) {
        return new DunningItem(row.invoiceId.toString(), row.dueDate, money(row, row.openAmount),
                money(row, row.disputedAmount), DunningItem.planKept(row.planState), null, Set.of());
    }

    private static Money money(OpenInvoiceRow row, java.math.BigDecimal amount) {
        return Money.rounded(amount, Money.currencyOf(row.currency.trim()));
    }
}
