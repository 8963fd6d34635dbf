package io.tradecredit.invoice.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tradecredit.common.persistence.CurrentTransaction;
import io.tradecredit.invoice.domain.Invoice;
import io.tradecredit.invoice.domain.InvoiceSearch;
import io.tradecredit.invoice.domain.InvoiceStatus;
import io.vertx.mutiny.sqlclient.Tuple;

/** Invoices of a tenant. Every query takes the tenant: another tenant's invoice does not exist here. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    /** Search criteria; null means "any". DPD bounds apply to open invoices as of {@code asOf}. */
    public Uni<Invoice> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The invoice locked for update until the transaction ends: concurrent changes wait their turn. */
    public Uni<Invoice> lockOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Several invoices locked in id order, so two transactions never wait on each other in a circle. */
    public Uni<List<Invoice>> lockOwned(String tenantId, Collection<UUID> ids) {
        return find("tenantId = ?1 and id in ?2 order by id", tenantId, ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<io.tradecredit.common.api.Page<Invoice>> search(String tenantId, InvoiceSearch c, int page, int size) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (c.buyerId() != null) {
            where.append(" and buyerId = :buyer");
            params.put("buyer", c.buyerId());
        }
        if (c.invoiceNumber() != null) {
            where.append(" and invoiceNumber = :number");
            params.put("number", c.invoiceNumber());
        }
        if (c.status() != null) {
            where.append(" and status = :status");
            params.put("status", c.status());
        }
        if (c.dueFrom() != null) {
            where.append(" and dueDate >= :dueFrom");
            params.put("dueFrom", c.dueFrom());
        }
        if (c.dueTo() != null) {
            where.append(" and dueDate <= :dueTo");
            params.put("dueTo", c.dueTo());
        }
        if (c.dpdMin() != null || c.dpdMax() != null) {
            // dpd = asOf - dueDate, so a DPD range is a due-date range, on what is still open
            where.append(" and status in :open");
            params.put("open", List.of(InvoiceStatus.OPEN, InvoiceStatus.OVERDUE));
            if (c.dpdMin() != null) {
                where.append(" and dueDate <= :dueByMin");
                params.put("dueByMin", c.asOf().minusDays(c.dpdMin()));
            }
            if (c.dpdMax() != null) {
                where.append(" and dueDate >= :dueByMax");
                params.put("dueByMax", c.asOf().minusDays(c.dpdMax()));
            }
        }
        var query = find(where.toString(), Sort.by("dueDate").and("invoiceNumber"), params).page(Page.of(page, size));
        return query.list().chain(items -> query.count()
                .map(total -> new io.tradecredit.common.api.Page<>(new ArrayList<>(items), page, size, total)));
    }

    /**
     * One batch of the overdue run: up to {@code limit} invoices of every tenant that are OPEN with
     * something open and due before {@code asOf} (the rows {@link Invoice#markOverdue} changes),
     * oldest due date first, locked; rows another transaction holds are skipped (left for a later
     * run). Only the batch's entities are loaded.
     */
    public Uni<List<Invoice>> dueBefore(LocalDate asOf, int limit) {
        return CurrentTransaction.lockIds("""
                select id from invoice
                where status = 'OPEN' and due_date < $1 and paid_amount + credited_amount + written_off_amount < total_amount
                order by due_date, id limit $2 for update skip locked""", Tuple.of(asOf, limit))
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Invoice>of())
                            : list("id in ?1 order by dueDate, id", ids));
    }
}
