package io.tradecredit.claims.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.tradecredit.common.events.EarlierEventMissing;
import io.tradecredit.claims.domain.OpenInvoice;
import io.tradecredit.common.money.Money;

/** The read model's invoices; every query names the tenant. */
@ApplicationScoped
public class OpenInvoiceRepository {

    /** Records an issued invoice; issued again (a redelivery under another id) it is left as it is. */
    public Uni<Void> issued(String tenantId, OpenInvoice i, String buyerName) {
        return OpenInvoiceRow.<OpenInvoiceRow>findById(i.invoiceId()).chain(found -> {
            if (found != null) {
                return Uni.createFrom().voidItem();
            }
            OpenInvoiceRow row = new OpenInvoiceRow();
            row.invoiceId = i.invoiceId();
            row.tenantId = tenantId;
            row.buyerId = i.buyerId();
            row.invoiceNumber = i.invoiceNumber();
            row.issueDate = i.issueDate();
            row.dueDate = i.dueDate();
            row.currency = i.total().currencyCode();
            row.total = i.total().amount();
            row.openAmount = i.openAmount().amount();
            row.buyerName = buyerName;
            return row.persist().replaceWithVoid();
        });
    }

    /** Sets what is open of the tenant's invoice, as a later event states it; an invoice not known here yet is waited for. */
    public Uni<Void> open(String tenantId, UUID invoiceId, Money openAmount) {
        return known(tenantId, invoiceId, OpenInvoiceRow.update("openAmount = ?1 where tenantId = ?2 and invoiceId = ?3",
                openAmount.amount(), tenantId, invoiceId));
    }

    /** Nothing is open of a cancelled invoice. */
    public Uni<Void> cancelled(String tenantId, UUID invoiceId) {
        return known(tenantId, invoiceId, OpenInvoiceRow.update("openAmount = 0 where tenantId = ?1 and invoiceId = ?2",
                tenantId, invoiceId));
    }

    /** An invoice whose issued event is not applied yet: the event waits for it, then is parked (not skipped). */
    private static Uni<Void> known(String tenantId, UUID invoiceId, Uni<Integer> updated) {
        return updated.chain(rows -> rows > 0 ? Uni.createFrom().voidItem() : Uni.createFrom().failure(
                new EarlierEventMissing("invoice " + invoiceId + " of tenant " + tenantId + " is not issued here yet")));
    }

    /**
     * An agreed payment plan of the tenant's invoices ends on {@code lastInstalment}; a plan agreed later (a
     * new plan for the same invoices) replaces it.
     */
    public Uni<Void> planAgreed(String tenantId, List<UUID> invoiceIds, LocalDate lastInstalment) {
        return OpenInvoiceRow.update("planUntil = ?1 where tenantId = ?2 and invoiceId in ?3", lastInstalment, tenantId,
                invoiceIds).replaceWithVoid();
    }

    /** An ended plan (broken or completed) extends its invoices no longer than the day it ended. */
    public Uni<Void> planEnded(String tenantId, List<UUID> invoiceIds, LocalDate endedOn) {
        return OpenInvoiceRow.update("planUntil = ?1 where tenantId = ?2 and invoiceId in ?3 and planUntil > ?1",
                endedOn, tenantId, invoiceIds).replaceWithVoid();
    }

    /** The buyer's name as the ledger's invoices gave it, if any invoice of the buyer named it. */
    public Uni<Optional<String>> buyerName(String tenantId, UUID buyerId) {
        return OpenInvoiceRow.<OpenInvoiceRow>find("tenantId = ?1 and buyerId = ?2 and buyerName is not null", tenantId,
                buyerId).firstResult().map(row -> Optional.ofNullable(row).map(r -> r.buyerName));
    }

    /**
     * The buyer's invoices and, in the same statement, any invoice of the tenant among {@code ids} or {@code numbers}
     * whoever its buyer (a claim by hand naming another buyer's invoice by id or number is refused,
     * domain.Claim#withinLedger; numbers by open_invoice_by_number, V20).
     */
    public Uni<List<OpenInvoice>> ofBuyerOrAmong(String tenantId, UUID buyerId, List<UUID> ids, List<String> numbers) {
        Uni<List<OpenInvoiceRow>> rows = ids.isEmpty()
                ? OpenInvoiceRow.list("tenantId = ?1 and (buyerId = ?2 or invoiceNumber in ?3)", tenantId, buyerId,
                        numbers)
                : OpenInvoiceRow.list("tenantId = ?1 and (buyerId = ?2 or invoiceId in ?3 or invoiceNumber in ?4)",
                        tenantId, buyerId, ids, numbers);
        return rows.map(found -> found.stream().map(OpenInvoiceRow::toInvoice).toList());
    }

    public Uni<List<OpenInvoice>> ofBuyer(String tenantId, UUID buyerId) {
        return OpenInvoiceRow.<OpenInvoiceRow>list("tenantId = ?1 and buyerId = ?2", tenantId, buyerId)
                .map(rows -> rows.stream().map(OpenInvoiceRow::toInvoice).toList());
    }
}
